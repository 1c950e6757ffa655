package org.socketinspector.linux;

/**
 * Whether libc can be called through JNA at all (its native stub may fail to load: no writable temporary
 * directory, a noexec /tmp, an unknown architecture). Without it the scan still runs, from /proc only.
 */
final class NativeAccess {
    /** Why native calls are unavailable, or null when they work. */
    static final String PROBLEM = check();

    private NativeAccess() {
    }

    static boolean available() {
        return PROBLEM == null;
    }

    private static String check() {
        try {
            LinuxLibc.errno(); // loads and registers LinuxLibc
            return null;
        } catch (LinkageError e) {
            return "native calls unavailable (JNA: " + e.getMessage() + ")";
        }
    }
}
