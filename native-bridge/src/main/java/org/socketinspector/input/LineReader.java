package org.socketinspector.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lines of a byte stream in one charset, streamed: memory is one line plus two 64 KiB buffers.
 *
 * <p>Lines end at {@code \n}, {@code \r\n} or a lone {@code \r} (old Mac line ends, some exports: read as one
 * line per {@code \r}, never as one long line), also when a {@code \r\n} is split across two reads; a BOM (U+FEFF)
 * at the very start is dropped. Bytes the charset cannot decode become U+FFFD and the line is remembered in
 * {@link #replacedLines()}: one bad byte never costs the line or the file. A line longer than the limit ends
 * reading with an {@link InputException} naming the line (a file without line breaks would otherwise be held
 * whole).
 */
public final class LineReader {

    /** How many line numbers with replaced bytes are kept for messages (the count is always exact). */
    static final int KEPT_REPLACED_LINES = 20;

    private final InputStream in;
    private final Charset charset;
    private final String name;
    private final int maxLineChars;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
    private final StringBuilder line = new StringBuilder(256);
    private final List<Long> replacedLines = new ArrayList<>();
    private long replacedLineCount;
    private long number;
    private boolean inputEnded;
    private boolean flushed;
    private int pendingReplacements; // replacements decoded but not yet attributed to a line
    private boolean firstChar = true;
    private boolean afterCr; // the last line ended at \r: a \n right after it belongs to that line end

    public LineReader(InputStream in, Charset charset, String name, int maxLineChars) {
        this.in = in;
        this.charset = charset;
        this.name = name;
        this.maxLineChars = maxLineChars;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        chars.flip();
    }

    /** The next line, or null at the end of the input. */
    public InputLine next() throws IOException {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (afterCr) {
                if (!chars.hasRemaining() && !decodeMore()) {
                    return null;
                }
                afterCr = false;
                if (chars.get(chars.position()) == '\n') {
                    chars.get(); // the \n of a \r\n, perhaps read after the \r
                }
                continue;
            }
            if (!chars.hasRemaining() && !decodeMore()) {
                if (!any) {
                    return null;
                }
                return emit();
            }
            any = true;
            char[] a = chars.array();
            int start = chars.arrayOffset() + chars.position();
            int end = chars.arrayOffset() + chars.limit();
            if (firstChar) {
                firstChar = false;
                if (a[start] == '\uFEFF') {
                    start++;
                    chars.position(chars.position() + 1);
                }
            }
            int i = start;
            while (i < end && a[i] != '\n' && a[i] != '\r') {
                i++;
            }
            if (line.length() + (i - start) > maxLineChars) {
                throw InputException.atLine(name, number + 1, "line longer than " + maxLineChars + " characters");
            }
            line.append(a, start, i - start);
            chars.position(chars.position() + (i - start));
            if (i < end) {
                afterCr = chars.get() == '\r'; // the line end
                return emit();
            }
        }
    }

    private InputLine emit() {
        number++;
        String text = line.toString();
        if (pendingReplacements > 0) {
            int here = count(text, '\uFFFD');
            if (here > 0) {
                pendingReplacements = Math.max(0, pendingReplacements - here);
                replacedLineCount++;
                if (replacedLines.size() < KEPT_REPLACED_LINES) {
                    replacedLines.add(number);
                }
            }
        }
        return new InputLine(number, text);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
            n++;
        }
        return n;
    }

    /** Refills {@code chars}; false when nothing is left. */
    private boolean decodeMore() throws IOException {
        chars.clear();
        try {
            while (chars.position() == 0) {
                if (flushed) {
                    return false;
                }
                if (!inputEnded && bytes.remaining() < 16) { // room for the longest sequence of any charset
                    readBytes();
                }
                CoderResult r = decoder.decode(bytes, chars, inputEnded);
                if (r.isError()) {
                    // one bad sequence: a replacement character instead, and on with the next byte
                    chars.put('\uFFFD');
                    pendingReplacements++;
                    bytes.position(bytes.position() + r.length());
                } else if (r.isUnderflow() && inputEnded) {
                    if (decoder.flush(chars).isOverflow()) {
                        continue; // no room left: the rest comes on the next call
                    }
                    flushed = true;
                } else if (r.isUnderflow() && chars.position() == 0) {
                    readBytes();
                }
            }
        } finally {
            chars.flip();
        }
        return true;
    }

    private void readBytes() throws IOException {
        bytes.compact();
        try {
            int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (n < 0) {
                inputEnded = true;
            } else {
                bytes.position(bytes.position() + n);
            }
        } finally {
            bytes.flip();
        }
    }

    /** Lines read so far. */
    public long lineNumber() {
        return number;
    }

    public Charset charset() {
        return charset;
    }

    /** How many lines had bytes the charset could not decode (replaced by U+FFFD). */
    public long replacedLineCount() {
        return replacedLineCount;
    }

    /** The first {@value #KEPT_REPLACED_LINES} of those lines' numbers. */
    public List<Long> replacedLines() {
        return Collections.unmodifiableList(replacedLines);
    }
}
