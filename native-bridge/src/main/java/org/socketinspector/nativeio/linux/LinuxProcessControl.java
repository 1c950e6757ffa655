package org.socketinspector.nativeio.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import org.socketinspector.nativeio.Errno;
import org.socketinspector.nativeio.LibC;
import org.socketinspector.nativeio.ProcessControl;

/** {@link ProcessControl} on Linux: uids from geteuid, helpers armed with prctl(PR_SET_PDEATHSIG). */
public final class LinuxProcessControl implements ProcessControl {

    @Override
    public int effectiveUid() {
        return LibC.INSTANCE.geteuid();
    }

    @Override
    public boolean canActAsOtherUsers() {
        return effectiveUid() == 0;
    }

    @Override
    public String whyNotOtherUsers() {
        return "needs root (this process runs as uid " + effectiveUid() + ")";
    }

    /**
     * Asks the kernel to SIGKILL this process when its parent dies. The "parent" is the thread that started this
     * process, so the starter must outlive its helpers. If the parent changed before the call, it died before the
     * signal was armed, and this returns false.
     */
    @Override
    public boolean dieWithParent(long parentPid) {
        try {
            LibC.INSTANCE.prctl(LibC.PR_SET_PDEATHSIG, new NativeLong(LibC.SIGKILL), new NativeLong(0),
                    new NativeLong(0), new NativeLong(0));
        } catch (LastErrorException e) {
            throw new IllegalStateException("prctl(PR_SET_PDEATHSIG) failed: " + Errno.name(e.getErrorCode()), e);
        }
        return LibC.INSTANCE.getppid() == parentPid;
    }

    @Override
    public void tieToThisProcess(ProcessHandle helper) {
        // The helper armed PR_SET_PDEATHSIG itself (dieWithParent).
    }

    @Override
    public void makeUndumpable() {
        LinuxCredentials.makeUndumpable();
    }

    @Override
    public void becomeUser(int uid) throws java.io.IOException {
        LinuxCredentials.becomeUser(uid);
    }
}
