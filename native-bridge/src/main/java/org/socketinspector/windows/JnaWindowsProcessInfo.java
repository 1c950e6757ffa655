package org.socketinspector.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Tlhelp32;
import com.sun.jna.platform.win32.W32ServiceManager;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.Winsvc;
import com.sun.jna.ptr.IntByReference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link WindowsProcessInfo} through jna-platform's Kernel32, Advapi32 and W32ServiceManager. Windows only. */
public final class JnaWindowsProcessInfo implements WindowsProcessInfo {

    /** Long paths (\\?\...) can reach 32767 UTF-16 units. */
    private static final int MAX_LONG_PATH = 32767;

    @Override
    public String imagePath(int pid) throws Win32CallException {
        WinNT.HANDLE process = open(pid);
        try {
            char[] path = new char[MAX_LONG_PATH];
            IntByReference size = new IntByReference(path.length);
            if (!Kernel32.INSTANCE.QueryFullProcessImageName(process, 0, path, size)) {
                throw new Win32CallException("QueryFullProcessImageName", Native.getLastError());
            }
            return new String(path, 0, size.getValue());
        } finally {
            Kernel32.INSTANCE.CloseHandle(process);
        }
    }

    @Override
    public String user(int pid) throws Win32CallException {
        WinNT.HANDLE process = open(pid);
        try {
            WinNT.HANDLEByReference token = new WinNT.HANDLEByReference();
            if (!Advapi32.INSTANCE.OpenProcessToken(process, WinNT.TOKEN_QUERY, token)) {
                throw new Win32CallException("OpenProcessToken", Native.getLastError());
            }
            try {
                return Advapi32Util.getTokenAccount(token.getValue()).fqn;
            } catch (Win32Exception e) {
                throw new Win32CallException("GetTokenInformation/LookupAccountSid", e.getErrorCode());
            } finally {
                Kernel32.INSTANCE.CloseHandle(token.getValue());
            }
        } finally {
            Kernel32.INSTANCE.CloseHandle(process);
        }
    }

    @Override
    public Map<Integer, String> processNames() throws Win32CallException {
        WinNT.HANDLE snapshot = Kernel32.INSTANCE.CreateToolhelp32Snapshot(Tlhelp32.TH32CS_SNAPPROCESS, new WinDef.DWORD(0));
        if (WinNT.INVALID_HANDLE_VALUE.equals(snapshot)) {
            throw new Win32CallException("CreateToolhelp32Snapshot", Native.getLastError());
        }
        try {
            Map<Integer, String> names = new HashMap<>();
            Tlhelp32.PROCESSENTRY32.ByReference entry = new Tlhelp32.PROCESSENTRY32.ByReference();
            for (boolean more = Kernel32.INSTANCE.Process32First(snapshot, entry); more;
                 more = Kernel32.INSTANCE.Process32Next(snapshot, entry)) {
                names.put(entry.th32ProcessID.intValue(), Native.toString(entry.szExeFile));
            }
            return names;
        } finally {
            Kernel32.INSTANCE.CloseHandle(snapshot);
        }
    }

    @Override
    public Map<Integer, List<String>> servicesByPid() throws Win32CallException {
        W32ServiceManager manager = new W32ServiceManager();
        try {
            manager.open(Winsvc.SC_MANAGER_ENUMERATE_SERVICE);
            Map<Integer, List<String>> services = new HashMap<>();
            // SC_ENUM_PROCESS_INFO: ENUM_SERVICE_STATUS_PROCESS rows, whose SERVICE_STATUS_PROCESS has the pid
            for (Winsvc.ENUM_SERVICE_STATUS_PROCESS service
                    : manager.enumServicesStatusExProcess(WinNT.SERVICE_WIN32, Winsvc.SERVICE_ACTIVE, null)) {
                int pid = service.ServiceStatusProcess.dwProcessId;
                if (pid != 0) {
                    services.computeIfAbsent(pid, p -> new ArrayList<>()).add(service.lpServiceName);
                }
            }
            return services;
        } catch (Win32Exception e) {
            throw new Win32CallException("EnumServicesStatusEx", e.getErrorCode());
        } finally {
            manager.close();
        }
    }

    @Override
    public boolean elevated() {
        return Advapi32Util.isCurrentProcessElevated();
    }

    private static WinNT.HANDLE open(int pid) throws Win32CallException {
        WinNT.HANDLE process = Kernel32.INSTANCE.OpenProcess(WinNT.PROCESS_QUERY_LIMITED_INFORMATION, false, pid);
        if (process == null) {
            throw new Win32CallException("OpenProcess", Native.getLastError());
        }
        return process;
    }
}
