package org.socketinspector.nativeio;

import java.io.IOException;

/**
 * What experiments need from the OS about processes, one implementation per OS (chosen by
 * {@code collect.Platform}): who this process runs as, and that a helper process never outlives the process that
 * started it. Linux arms that from the child's side (PR_SET_PDEATHSIG), Windows from the parent's (a job object);
 * a helper's stdin watchdog backs both.
 */
public interface ProcessControl {

    /**
     * This process's user as a number: the effective uid on Unix; on Windows the RID of the token's user SID (for
     * example 1001), which names a local account on this machine as a uid does.
     */
    int effectiveUid();

    /** Whether helpers may be started as other users: as root on Linux; never on Windows (it needs a password). */
    boolean canActAsOtherUsers();

    /** Why this process cannot start helpers as other users, for the error that refuses one ("needs root ..."). */
    String whyNotOtherUsers();

    /**
     * Called by a helper before anything else: arms "die with the parent" where the OS does that from the child's
     * side. False when the parent {@code parentPid} is already gone: the helper must exit.
     */
    boolean dieWithParent(long parentPid);

    /**
     * Called by the parent right after starting a helper: ties the helper's life to this process where the OS does
     * that from the parent's side. Nothing to do on Linux.
     */
    void tieToThisProcess(ProcessHandle helper) throws IOException;

    /**
     * Called by a helper first thing (and again after {@link #becomeUser}): no other process of its uid may ptrace
     * it or read its /proc/PID/environ, mem or fds (Linux: PR_SET_DUMPABLE 0). Nothing to do where the OS has no
     * such door (Windows: a helper runs as the same account, and its handles are the parent's).
     */
    default void makeUndumpable() {
    }

    /**
     * Called by a helper that was started as root to run as {@code uid}: it takes that uid itself, for good (no
     * groups, gid and uid {@code uid}), so it is never a program of that uid that another of its processes could
     * attach to while it starts. Only where {@link #canActAsOtherUsers()}.
     */
    default void becomeUser(int uid) throws IOException {
        throw new IOException("this OS cannot start a helper as uid " + uid);
    }
}
