package org.socketinspector.output;

import com.sun.jna.LastErrorException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The temporary files being written right now, each as (folder descriptor, name): SIGINT and SIGTERM run the
 * JVM's shutdown hooks, and the hook here removes every one of them through its folder's descriptor, so an
 * interrupted write leaves the previous file and nothing beside it. The removal never goes by path: the folder may
 * have been renamed, and a path could lead elsewhere by then. (SIGKILL runs nothing: {@link StaleFiles} clears
 * such leftovers at the next write.)
 */
final class LiveTempFiles {

    private static final Map<Long, Entry> LIVE = new LinkedHashMap<>();
    private static long next;
    private static boolean hooked;
    private static boolean shuttingDown;

    private record Entry(int dirfd, byte[] name) {
    }

    private LiveTempFiles() {
    }

    /**
     * Registers a temporary file just created; returns its key for {@link #release}. During shutdown the file is
     * removed at once and this throws: no new temporary file may outlive the hook.
     */
    static synchronized long register(int dirfd, byte[] name) throws java.io.IOException {
        if (shuttingDown) {
            unlink(new Entry(dirfd, name));
            throw new java.io.IOException("interrupted: the program is exiting");
        }
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(LiveTempFiles::removeAll, "temp-file-cleanup"));
            hooked = true;
        }
        LIVE.put(++next, new Entry(dirfd, name));
        return next;
    }

    /** The file was renamed or removed by its writer; called before the writer closes the folder's descriptor. */
    static synchronized void release(long key) {
        LIVE.remove(key);
    }

    /** How many are live (for tests). */
    static synchronized int count() {
        return LIVE.size();
    }

    private static synchronized void removeAll() {
        shuttingDown = true;
        LIVE.values().forEach(LiveTempFiles::unlink);
        LIVE.clear();
    }

    private static void unlink(Entry e) {
        try {
            LinuxFiles.INSTANCE.unlinkat(e.dirfd(), e.name(), 0);
        } catch (LastErrorException ignored) {
            // already renamed or removed
        }
    }
}
