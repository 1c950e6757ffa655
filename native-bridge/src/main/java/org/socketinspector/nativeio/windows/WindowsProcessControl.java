package org.socketinspector.nativeio.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import org.socketinspector.nativeio.ProcessControl;

/**
 * {@link ProcessControl} on Windows. Helpers are put into one job object per instance (the platform's one), created
 * with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, whose only handle this process holds and never closes: when this process
 * ends (even through TerminateProcess), Windows closes the handle and terminates every helper in the job. Helpers
 * cannot run as another account (that would need its password), so experiments act as this user only.
 */
public final class WindowsProcessControl implements ProcessControl {

    /** This instance's kill-on-close job, made with the first helper; the platform keeps one instance. */
    private WinNT.HANDLE job;
    private Integer rid;

    @Override
    public synchronized int effectiveUid() {
        if (rid == null) {
            rid = relativeId(currentUserSid());
        }
        return rid;
    }

    @Override
    public boolean canActAsOtherUsers() {
        return false;
    }

    @Override
    public String whyNotOtherUsers() {
        return "is not possible on Windows (another account's process needs its password): run the case as this user";
    }

    @Override
    public boolean dieWithParent(long parentPid) {
        // The parent puts this process into its kill-on-close job (tieToThisProcess); the stdin watchdog covers
        // the moment in between. Only report whether the parent is still there.
        return ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public void tieToThisProcess(ProcessHandle helper) throws IOException {
        WinNT.HANDLE process = Kernel32.INSTANCE.OpenProcess(
                JobObjects.PROCESS_SET_QUOTA | JobObjects.PROCESS_TERMINATE, false, Math.toIntExact(helper.pid()));
        if (process == null) {
            throw failure("OpenProcess(" + helper.pid() + ")");
        }
        try {
            if (!JobObjects.INSTANCE.AssignProcessToJobObject(killOnCloseJob(), process)) {
                throw failure("AssignProcessToJobObject");
            }
        } finally {
            Kernel32.INSTANCE.CloseHandle(process);
        }
    }

    private synchronized WinNT.HANDLE killOnCloseJob() throws IOException {
        if (job != null) {
            return job;
        }
        WinNT.HANDLE created = JobObjects.INSTANCE.CreateJobObjectW(null, null);
        if (created == null) {
            throw failure("CreateJobObject");
        }
        try (Memory limits = new Memory(extendedLimitInformationSize())) {
            limits.clear();
            limits.setInt(JobObjects.LIMIT_FLAGS_OFFSET, JobObjects.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE);
            if (!JobObjects.INSTANCE.SetInformationJobObject(created,
                    JobObjects.JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS, limits, (int) limits.size())) {
                IOException e = failure("SetInformationJobObject");
                Kernel32.INSTANCE.CloseHandle(created);
                throw e;
            }
        }
        job = created; // held until this process ends: closing it would end the helpers
        return job;
    }

    /**
     * sizeof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION): JOBOBJECT_BASIC_LIMIT_INFORMATION (64 bytes on 64-bit, 48 on
     * 32-bit), IO_COUNTERS (48) and four SIZE_T memory fields. Here, not in {@link JobObjects}, so that tests
     * can check it without loading kernel32.
     */
    public static int extendedLimitInformationSize() {
        return Native.POINTER_SIZE == 8 ? 64 + 48 + 4 * 8 : 48 + 48 + 4 * 4;
    }

    /** The token user's SID as text, read from the token: no account-name lookup (which may ask a domain controller). */
    private static String currentUserSid() {
        WinNT.HANDLEByReference token = new WinNT.HANDLEByReference();
        if (!Advapi32.INSTANCE.OpenProcessToken(Kernel32.INSTANCE.GetCurrentProcess(), WinNT.TOKEN_QUERY, token)) {
            throw new IllegalStateException("OpenProcessToken failed: Windows error " + Native.getLastError());
        }
        try {
            IntByReference size = new IntByReference();
            Advapi32.INSTANCE.GetTokenInformation(token.getValue(), WinNT.TOKEN_INFORMATION_CLASS.TokenUser, null, 0,
                    size); // fails with ERROR_INSUFFICIENT_BUFFER and says how much is needed
            WinNT.TOKEN_USER user = new WinNT.TOKEN_USER(Math.max(size.getValue(), 1));
            if (!Advapi32.INSTANCE.GetTokenInformation(token.getValue(), WinNT.TOKEN_INFORMATION_CLASS.TokenUser, user,
                    size.getValue(), size)) {
                throw new IllegalStateException("GetTokenInformation(TokenUser) failed: Windows error "
                        + Native.getLastError());
            }
            return Advapi32Util.convertSidToStringSid(user.User.Sid);
        } finally {
            Kernel32.INSTANCE.CloseHandle(token.getValue());
        }
    }

    /** The last sub-authority of a SID string: 1001 for S-1-5-21-...-1001, 18 for S-1-5-18 (SYSTEM). */
    static int relativeId(String sid) {
        if (sid == null || !sid.matches("S-1(-\\d+)+")) {
            throw new IllegalArgumentException("not a SID string: " + sid);
        }
        return Integer.parseUnsignedInt(sid.substring(sid.lastIndexOf('-') + 1));
    }

    private static IOException failure(String call) {
        return new IOException(call + " failed: Windows error " + Native.getLastError());
    }
}
