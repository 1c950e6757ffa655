package org.socketinspector.windows;

import com.sun.jna.platform.win32.WinError;
import org.socketinspector.model.ProcessInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Process details for the pids of a scan. What cannot be read becomes a limitation line, never an error:
 * <ul>
 *   <li>image path denied (protected and other users' processes when not elevated): the name comes from the
 *       Toolhelp32 snapshot, which needs no access to the process;</li>
 *   <li>process gone (OpenProcess answers ERROR_INVALID_PARAMETER and the snapshot does not list it): no details;
 *       pid 0 (System Idle) and pid 4 (System) cannot be opened either but are in the snapshot;</li>
 *   <li>user denied: user unknown;</li>
 *   <li>snapshot or service enumeration failing: those details are missing for every process.</li>
 * </ul>
 */
public final class WindowsProcessResolver {

    /** How many pids a limitation line lists before "...". */
    private static final int PIDS_SHOWN = 10;

    private final WindowsProcessInfo api;

    public WindowsProcessResolver(WindowsProcessInfo api) {
        this.api = api;
    }

    public record Resolution(Map<Integer, ProcessInfo> processes, List<String> limitations) {
    }

    public Resolution resolve(Collection<Integer> pids) {
        List<String> limitations = new ArrayList<>();
        Map<Integer, String> names = Map.of();
        try {
            names = api.processNames();
        } catch (Win32CallException e) {
            limitations.add("process names: " + e.getMessage() + "; processes whose image path is denied stay unnamed");
        }
        Map<Integer, List<String>> services = Map.of();
        try {
            services = api.servicesByPid();
        } catch (Win32CallException e) {
            limitations.add("Windows services: " + e.getMessage() + "; service names are missing");
        }

        Map<Integer, ProcessInfo> processes = new TreeMap<>();
        TreeSet<Integer> pathDenied = new TreeSet<>();
        TreeSet<Integer> userDenied = new TreeSet<>();
        TreeSet<Integer> vanished = new TreeSet<>();
        TreeMap<Integer, String> otherFailures = new TreeMap<>();
        for (int pid : new TreeSet<>(pids)) {
            String name = names.get(pid);
            String executable = null;
            try {
                executable = api.imagePath(pid);
                name = fileName(executable);
            } catch (Win32CallException e) {
                if (name == null && e.errorCode() == WinError.ERROR_INVALID_PARAMETER) {
                    vanished.add(pid);
                    continue;
                }
                if (e.errorCode() == WinError.ERROR_ACCESS_DENIED) {
                    pathDenied.add(pid);
                } else if (name == null) {
                    otherFailures.put(pid, e.getMessage());
                }
            }
            String user = null;
            try {
                user = api.user(pid);
            } catch (Win32CallException e) {
                userDenied.add(pid);
            }
            processes.put(pid, new ProcessInfo(name, executable, null, user, null, services.getOrDefault(pid, List.of())));
        }
        if (!pathDenied.isEmpty()) {
            limitations.add("image path: access denied for " + describe(pathDenied)
                    + "; names come from the process snapshot (run elevated to see paths)");
        }
        if (!userDenied.isEmpty()) {
            limitations.add("user: the token could not be read for " + describe(userDenied));
        }
        if (!vanished.isEmpty()) {
            limitations.add("ended during the scan: " + describe(vanished) + "; their sockets are listed without a process");
        }
        otherFailures.forEach((pid, message) -> limitations.add("process " + pid + ": " + message));
        return new Resolution(processes, limitations);
    }

    /** "C:\\Windows\\System32\\svchost.exe" -> "svchost.exe" (the form the snapshot and Task Manager use). */
    static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return path.substring(slash + 1);
    }

    private static String describe(TreeSet<Integer> pids) {
        StringBuilder text = new StringBuilder().append(pids.size()).append(pids.size() == 1 ? " process (pid " : " processes (pids ");
        int shown = 0;
        for (int pid : pids) {
            if (shown == PIDS_SHOWN) {
                text.append(", ...");
                break;
            }
            text.append(shown++ == 0 ? "" : ", ").append(pid);
        }
        return text.append(')').toString();
    }
}
