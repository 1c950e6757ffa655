package org.socketinspector.windows;

import java.util.List;
import java.util.Map;

/**
 * The Win32 process queries the collector needs, one method per question, each a thin JNA call in
 * {@link JnaWindowsProcessInfo}. Failures carry the Win32 error code so that {@link WindowsProcessResolver}
 * can tell "access denied" from "no such process".
 */
public interface WindowsProcessInfo {

    /** Full image path: OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION) + QueryFullProcessImageName. */
    String imagePath(int pid) throws Win32CallException;

    /** "DOMAIN\\user" of the process token: OpenProcessToken(TOKEN_QUERY) + GetTokenInformation(TokenUser) + LookupAccountSid. */
    String user(int pid) throws Win32CallException;

    /** Image names of every process from a Toolhelp32 snapshot (readable without any access to the process). */
    Map<Integer, String> processNames() throws Win32CallException;

    /** Names of the running Win32 services per hosting pid: EnumServicesStatusEx(SC_ENUM_PROCESS_INFO, SERVICE_WIN32). */
    Map<Integer, List<String>> servicesByPid() throws Win32CallException;

    /** Whether this process runs elevated (its token is TokenElevation). */
    boolean elevated();
}
