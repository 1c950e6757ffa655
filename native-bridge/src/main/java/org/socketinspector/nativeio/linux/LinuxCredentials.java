package org.socketinspector.nativeio.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.socketinspector.nativeio.Errno;

/**
 * How a helper process stops belonging to anyone but its parent (issue 18, defect 5): it makes itself undumpable
 * (prctl PR_SET_DUMPABLE 0: no ptrace attach, no /proc/PID/environ, mem or fd for its own uid) and, started as
 * root, takes another uid itself (setgroups, setresgid, setresuid) instead of being exec'd by setpriv: an exec
 * after setpriv's setuid makes the new program dumpable again and leaves it open to that uid for as long as the JVM
 * takes to start. A change of uid resets the dumpable flag to fs.suid_dumpable and clears PR_SET_PDEATHSIG, so the
 * caller sets both after it (see {@code HelperMain}).
 */
public final class LinuxCredentials {

    // <linux/prctl.h>
    static final int PR_GET_DUMPABLE = 3;
    static final int PR_SET_DUMPABLE = 4;

    /** Only these calls; kept apart from {@code LibC} (the sockets' mapping). */
    interface Calls extends Library {
        Calls INSTANCE = Native.load("c", Calls.class);

        int prctl(int option, NativeLong arg2, NativeLong arg3, NativeLong arg4, NativeLong arg5)
                throws LastErrorException;

        /** glibc applies setgroups/setresgid/setresuid to every thread of the process (its setxid broadcast). */
        int setgroups(NativeLong size, Pointer list) throws LastErrorException;

        int setresgid(int rgid, int egid, int sgid) throws LastErrorException;

        int setresuid(int ruid, int euid, int suid) throws LastErrorException;

        int getresuid(IntByReference ruid, IntByReference euid, IntByReference suid) throws LastErrorException;
    }

    private LinuxCredentials() {
    }

    /** prctl(PR_SET_DUMPABLE, 0), read back. */
    public static void makeUndumpable() {
        try {
            Calls.INSTANCE.prctl(PR_SET_DUMPABLE, new NativeLong(0), new NativeLong(0), new NativeLong(0), new NativeLong(0));
        } catch (LastErrorException e) {
            throw new IllegalStateException("prctl(PR_SET_DUMPABLE, 0) failed: " + Errno.name(e.getErrorCode()));
        }
        if (dumpable() != 0) {
            throw new IllegalStateException("prctl(PR_GET_DUMPABLE) still reads " + dumpable());
        }
    }

    /** prctl(PR_GET_DUMPABLE): 0 none, 1 the process's own uid may ptrace it, 2 root only. */
    public static int dumpable() {
        return Calls.INSTANCE.prctl(PR_GET_DUMPABLE, new NativeLong(0), new NativeLong(0), new NativeLong(0), new NativeLong(0));
    }

    /**
     * Root becomes {@code uid} for good, as {@code setpriv --reuid=U --regid=U --clear-groups} would: no
     * supplementary groups, real/effective/saved gid and uid all {@code uid} (the helper's group has the uid's
     * number, as before). Then checks every thread of the process, since a thread still running as root would
     * undo the point: the kernel's set*id calls act on one thread, glibc's wrappers on all of them.
     */
    public static void becomeUser(int uid) throws IOException {
        try {
            Calls.INSTANCE.setgroups(new NativeLong(0), Pointer.NULL);
            Calls.INSTANCE.setresgid(uid, uid, uid);
            Calls.INSTANCE.setresuid(uid, uid, uid);
        } catch (LastErrorException e) {
            throw new IOException("cannot become uid " + uid + ": " + Errno.name(e.getErrorCode()));
        }
        IntByReference r = new IntByReference();
        IntByReference e = new IntByReference();
        IntByReference s = new IntByReference();
        Calls.INSTANCE.getresuid(r, e, s);
        if (r.getValue() != uid || e.getValue() != uid || s.getValue() != uid) {
            throw new IOException("still uid " + r.getValue() + "/" + e.getValue() + "/" + s.getValue() + " after setresuid(" + uid + ")");
        }
        requireEveryThreadIs(uid);
    }

    /** Every task of this process has real, effective, saved and filesystem uid and gid {@code uid}, no groups. */
    static void requireEveryThreadIs(int uid) throws IOException {
        String want = uid + "\t" + uid + "\t" + uid + "\t" + uid;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String status;
                try {
                    status = Files.readString(task.resolve("status"), StandardCharsets.US_ASCII);
                } catch (NoSuchFileException ended) {
                    continue; // the thread ended meanwhile
                }
                for (String line : status.split("\n")) {
                    boolean ids = line.startsWith("Uid:") || line.startsWith("Gid:");
                    if ((ids && !line.substring(4).trim().equals(want))
                            || (line.startsWith("Groups:") && !line.substring(7).isBlank())) {
                        throw new IOException("thread " + task.getFileName() + " kept " + line.replace('\t', ' '));
                    }
                }
            }
        }
    }
}
