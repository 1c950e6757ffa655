package org.socketinspector.parse;

import java.nio.charset.Charset;

/**
 * A capture's bytes decoded and its format settled, ready to parse.
 *
 * @param format  the format asked for, or the detected one
 * @param text    the decoded text
 * @param charset the encoding it was read in
 */
public record CaptureImport(CaptureFormat format, String text, Charset charset) {

    /**
     * @param requested the format the user named, or null for automatic detection
     * @throws CaptureParseException when no format is named and none is recognised
     */
    public static CaptureImport of(byte[] bytes, String source, CaptureFormat requested) throws CaptureParseException {
        CaptureDecoder.Decoded decoded = CaptureDecoder.decode(bytes);
        CaptureFormat format = requested != null ? requested : CaptureDetector.detect(decoded.text(), source);
        return new CaptureImport(format, decoded.text(), decoded.charset());
    }

    /** Parses a text format. JSON is not parsed here: the app reads it with its scan contract. */
    public ParsedCapture parse(String source) throws CaptureParseException {
        if (format == CaptureFormat.JSON) {
            throw new IllegalStateException("JSON captures are read with ScanJson");
        }
        return CaptureParsers.forFormat(format).parse(text, source);
    }
}
