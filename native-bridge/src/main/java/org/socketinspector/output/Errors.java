package org.socketinspector.output;

import com.sun.jna.LastErrorException;
import java.util.Map;

/** A failed file call in plain words (as OutputFile.reason gives the JDK's), never Java's text. */
final class Errors {

    private static final Map<Integer, String> WORDS = Map.ofEntries(
            Map.entry(1, "operation not permitted"), Map.entry(2, "no such file or folder"),
            Map.entry(5, "input/output error"), Map.entry(9, "bad file descriptor"), Map.entry(18, "cross-device link"),
            Map.entry(22, "invalid argument"), Map.entry(39, "folder not empty"), Map.entry(6, "no such device or address"),
            Map.entry(13, "permission denied"), Map.entry(17, "already exists"), Map.entry(20, "not a folder"),
            Map.entry(21, "is a directory"), Map.entry(24, "too many open files"),
            Map.entry(27, "file too large"), Map.entry(28, "No space left on device"),
            Map.entry(30, "read-only file system"), Map.entry(32, "broken pipe"),
            Map.entry(36, "file name too long"), Map.entry(40, "too many levels of symbolic links"),
            Map.entry(122, "disk quota exceeded"));

    private Errors() {
    }

    static String text(LastErrorException e) {
        return text(e.getErrorCode());
    }

    static String text(int errno) {
        String words = WORDS.get(errno);
        return words != null ? words : "errno " + errno;
    }
}
