package org.socketinspector.nativeio.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * The job-object calls of kernel32 (jobapi2.h, winnt.h) that jna-platform does not map. A job whose limit flags
 * include JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE terminates every process in it when its last handle closes, which
 * the OS does when the process holding it ends, however it ends.
 */
public interface JobObjects extends StdCallLibrary {

    JobObjects INSTANCE = Native.load("kernel32", JobObjects.class, W32APIOptions.DEFAULT_OPTIONS);

    /** JobObjectExtendedLimitInformation, JOBOBJECTINFOCLASS in winnt.h. */
    int JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS = 9;
    /** JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, winnt.h. */
    int JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x00002000;
    /** PROCESS_TERMINATE and PROCESS_SET_QUOTA, winnt.h: the rights AssignProcessToJobObject needs. */
    int PROCESS_TERMINATE = 0x0001;
    int PROCESS_SET_QUOTA = 0x0100;
    /** Offset of BasicLimitInformation.LimitFlags: after two LARGE_INTEGER time limits, on 32 and 64 bits. */
    int LIMIT_FLAGS_OFFSET = 16;

    /** Creates an unnamed job; null on failure (GetLastError tells why). */
    WinNT.HANDLE CreateJobObjectW(Pointer jobAttributes, WString name);

    /** Sets a limit class of the job; {@code info} points to the class's structure. */
    boolean SetInformationJobObject(WinNT.HANDLE job, int infoClass, Pointer info, int length);

    /** Puts a process into the job (the process handle needs PROCESS_SET_QUOTA and PROCESS_TERMINATE). */
    boolean AssignProcessToJobObject(WinNT.HANDLE job, WinNT.HANDLE process);
}
