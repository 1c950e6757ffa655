package org.socketinspector.output;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Leftovers of runs that were killed (SIGKILL, power loss) and so could not remove their temporary files: ours
 * (same uid), regular files, matching our name pattern and older than a day (a younger one may belong to a write
 * going on now in another run); an empty folder of ours likewise. Each is removed through the folder's descriptor, never by path.
 */
public final class StaleFiles {

    public static final Duration AGE = Duration.ofDays(1);
    private static final int MAX_BASE = 200; // NAME_MAX is 255: room for ".", ".", 16 hex digits and ".tmp"

    private StaleFiles() {
    }

    /** ".NAME.XXXXXXXXXXXXXXXX.tmp", NUL-terminated, from a NUL-terminated name. */
    static byte[] tempName(byte[] name, String hex) {
        byte[] base = Arrays.copyOf(name, Math.min(name.length - 1, MAX_BASE));
        byte[] tail = ("." + hex + ".tmp").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[1 + base.length + tail.length + 1];
        out[0] = '.';
        System.arraycopy(base, 0, out, 1, base.length);
        System.arraycopy(tail, 0, out, 1 + base.length, tail.length);
        return out;
    }

    /** Removes stale temporary files of {@code name} (NUL-terminated) in the folder. Best effort. */
    static void clearBeside(int dirfd, byte[] name) {
        String base = decode(Arrays.copyOf(name, Math.min(name.length - 1, MAX_BASE)));
        if (base == null) {
            return;
        }
        Pattern temp = Pattern.compile("\\." + Pattern.quote(base) + "\\.[0-9a-f]{16}\\.tmp");
        clear(dirfd, n -> temp.matcher(n).matches());
    }

    /**
     * Removes the stale files of ours whose names {@code ours} accepts in {@code folder} (e.g. the import spools
     * of earlier versions in the temporary folder); returns how many. Best effort: errors leave files as they are.
     */
    public static int clear(Path folder, Predicate<String> ours) {
        if (!SafeFile.NATIVE) {
            return 0;
        }
        int dirfd;
        try {
            dirfd = LinuxFiles.INSTANCE.openat(LinuxFiles.AT_FDCWD, SafeFile.bytesWithNul(folder), SafeFile.DIR_FLAGS, 0);
        } catch (LastErrorException | IOException e) {
            return 0;
        }
        try {
            return clear(dirfd, ours);
        } finally {
            LinuxFiles.INSTANCE.close(dirfd);
        }
    }

    private static int clear(int dirfd, Predicate<String> ours) {
        int removed = 0;
        long cutoff = Instant.now().minus(AGE).getEpochSecond();
        int us = SafeFile.euid();
        // listing through /proc/self/fd/N lists the folder this descriptor holds, wherever its path now leads
        try (DirectoryStream<Path> names = Files.newDirectoryStream(Path.of("/proc/self/fd/" + dirfd),
                p -> ours.test(p.getFileName().toString()))) {
            for (Path p : names) {
                byte[] name;
                try {
                    name = SafeFile.bytesWithNul(p.getFileName());
                } catch (IOException e) {
                    continue;
                }
                try {
                    FileStat s = FileStat.at(dirfd, name);
                    if ((s.isRegular() || s.isDirectory()) && s.uid() == us && s.modifiedSeconds() < cutoff) {
                        // a folder only when empty (rmdir semantics): a stale folder of ours never holds more
                        LinuxFiles.INSTANCE.unlinkat(dirfd, name, s.isDirectory() ? LinuxFiles.AT_REMOVEDIR : 0);
                        removed++;
                    }
                } catch (LastErrorException e) {
                    // gone meanwhile, or not ours to remove
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable folder: nothing cleared
        }
        return removed;
    }

    private static String decode(byte[] bytes) {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }
}
