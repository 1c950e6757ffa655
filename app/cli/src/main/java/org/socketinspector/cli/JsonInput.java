package org.socketinspector.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.socketinspector.input.BoundedInput;
import org.socketinspector.input.InputException;
import org.socketinspector.input.InputLimits;

/**
 * A JSON document the user gave (report --input, report merge, a baseline): read through the shared bounded reader
 * (size cap, idle timeout; FIFOs, pipes and {@code -} work) and decoded as strict UTF-8, so that a bad byte is an
 * error naming its offset instead of Java's "Input length = 1".
 */
final class JsonInput {

    private JsonInput() {
    }

    static String read(Path file) throws InputException {
        return read(file, InputLimits.JSON);
    }

    /** As {@link #read(Path)} within {@code limits} (a command's --idle-timeout). */
    static String read(Path file, InputLimits limits) throws InputException {
        try (BoundedInput input = BoundedInput.open(file, limits)) {
            byte[] bytes = readAll(input.stream());
            return decode(bytes, input.name());
        } catch (InputException e) {
            throw e;
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot be read (" + org.socketinspector.output.OutputFile.reason(e)
                    + ")", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** Strict UTF-8 (a leading BOM skipped); the first bad byte is named by its offset. */
    static String decode(byte[] bytes, String name) throws InputException {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(name, "not valid UTF-8 at byte " + in.position() + " (JSON input must be UTF-8)");
        }
    }
}
