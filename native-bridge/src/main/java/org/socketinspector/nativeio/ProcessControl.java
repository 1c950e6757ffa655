package org.socketinspector.nativeio;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;

/** Process-level libc calls the helper processes need (Linux only). */
public final class ProcessControl {

    private ProcessControl() {
    }

    /**
     * Asks the kernel to SIGKILL this process when its parent dies (prctl PR_SET_PDEATHSIG). The "parent" is the
     * thread that started this process, so the starter must outlive its helpers.
     *
     * @param expectedParentPid the parent seen before the call: if it already changed, the parent died before
     *                          the signal was armed and this returns false (the caller must exit)
     */
    public static boolean dieWithParent(long expectedParentPid) {
        try {
            LibC.INSTANCE.prctl(LibC.PR_SET_PDEATHSIG, new NativeLong(LibC.SIGKILL), new NativeLong(0),
                    new NativeLong(0), new NativeLong(0));
        } catch (LastErrorException e) {
            throw new IllegalStateException("prctl(PR_SET_PDEATHSIG) failed: " + Errno.name(e.getErrorCode()), e);
        }
        return LibC.INSTANCE.getppid() == expectedParentPid;
    }

    public static int parentPid() {
        return LibC.INSTANCE.getppid();
    }

    public static int effectiveUid() {
        return LibC.INSTANCE.geteuid();
    }
}
