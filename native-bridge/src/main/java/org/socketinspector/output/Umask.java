package org.socketinspector.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's umask, for the mode a new file gets (0666 minus it, as open(2) would give). Read from
 * /proc/self/status: umask(2) can only read it by changing it, which races with other threads creating files.
 */
final class Umask {

    private static final int FALLBACK = 022;

    private Umask() {
    }

    static int get() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Umask:")) {
                    return Integer.parseInt(line.substring(6).trim(), 8) & 0777;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc: the usual default
        }
        return FALLBACK;
    }
}
