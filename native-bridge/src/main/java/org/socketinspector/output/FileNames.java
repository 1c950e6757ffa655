package org.socketinspector.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * File names given on the command line. On Linux a name is bytes, but the JVM hands {@code main} strings decoded
 * with {@code sun.jnu.encoding} (the locale's charset, US-ASCII when no LANG/LC_ALL is set; it cannot be set with
 * -D), replacing every byte it cannot decode with U+FFFD. A name that went through that lossy decoding would be
 * another file ({@code r\xe9.html} became {@code r\uFFFD.html}, written with the bytes EF BF BD), so such a name
 * is refused in one line that shows the bytes the user typed (read back from /proc/self/cmdline) escaped.
 */
public final class FileNames {

    private FileNames() {
    }

    /**
     * The path the user named, or an {@link IllegalArgumentException} whose message is one line naming it: for an
     * argument that lost bytes in the JVM's decoding, or one the file system cannot take (a NUL, a character the
     * file name encoding has no bytes for; Java says InvalidPathException).
     */
    public static Path path(String argument) {
        String charset = System.getProperty("sun.jnu.encoding", "UTF-8");
        if (argument.indexOf('\uFFFD') >= 0) {
            Optional<byte[]> raw = rawArgument(argument);
            if (raw.isEmpty() || !Arrays.equals(raw.get(), encode(argument, charset))) {
                throw new IllegalArgumentException(raw.map(FileNames::escape).orElse(escape(argument))
                        + ": this file name has bytes that are not valid in the system's file name encoding ("
                        + charset + (charset.equalsIgnoreCase("UTF-8") ? "" : ": is LANG or LC_ALL set?")
                        + "); refusing it rather than reading or writing another file. Rename the file, or run in"
                        + " a locale whose encoding has this name (LC_ALL=C.UTF-8 for UTF-8 names)");
            }
        }
        try {
            return Path.of(argument);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(escape(argument) + ": not a valid file name here ("
                    + (argument.indexOf('\0') >= 0 ? "it holds a NUL character"
                    : "the system's file name encoding " + charset + " has no bytes for some of its characters;"
                    + " is LANG or LC_ALL set?") + ")");
        }
    }

    /** Printable ASCII as it is (a backslash doubled), every other byte as \xNN. */
    public static String escape(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '\\') {
                s.append("\\\\");
            } else if (c >= 0x20 && c < 0x7f) {
                s.append((char) c);
            } else {
                s.append(String.format(Locale.ROOT, "\\x%02x", c));
            }
        }
        return s.toString();
    }

    /** A decoded argument escaped for a message: ASCII as it is, others as \\uNNNN. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\\') {
                s.append("\\\\");
            } else if (c >= 0x20 && c < 0x7f) {
                s.appendCodePoint(c);
            } else if (c < 0x10000) {
                s.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                s.append(String.format(Locale.ROOT, "\\U%08x", c));
            }
        });
        return s.toString();
    }

    /**
     * The bytes the user typed for {@code argument}: the last entry of /proc/self/cmdline that decodes to it
     * (main's arguments are the tail of the process's arguments). Empty off Linux or when none matches.
     */
    static Optional<byte[]> rawArgument(String argument) {
        byte[] cmdline;
        try {
            cmdline = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Charset charset = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        List<byte[]> entries = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                entries.add(Arrays.copyOfRange(cmdline, start, i));
                start = i + 1;
            }
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (new String(entries.get(i), charset).equals(argument)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    private static byte[] encode(String text, String charset) {
        try {
            ByteBuffer b = Charset.forName(charset).newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(java.nio.CharBuffer.wrap(text));
            return Arrays.copyOfRange(b.array(), b.position(), b.limit());
        } catch (CharacterCodingException | RuntimeException e) {
            return new byte[0];
        }
    }
}
