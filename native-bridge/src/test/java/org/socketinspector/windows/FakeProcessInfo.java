package org.socketinspector.windows;

import com.sun.jna.platform.win32.WinError;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Processes as a fake Windows would show them: paths and users readable or denied, a snapshot, services. */
final class FakeProcessInfo implements WindowsProcessInfo {
    final Map<Integer, String> paths = new HashMap<>();
    final Map<Integer, String> users = new HashMap<>();
    final Map<Integer, String> snapshot = new HashMap<>();
    final Map<Integer, List<String>> services = new HashMap<>();
    Integer snapshotError;
    Integer servicesError;
    boolean elevated;

    FakeProcessInfo process(int pid, String path, String user) {
        paths.put(pid, path);
        users.put(pid, user);
        snapshot.put(pid, WindowsProcessResolver.fileName(path));
        return this;
    }

    /** A process of another user seen without elevation: in the snapshot, everything else denied. */
    FakeProcessInfo protectedProcess(int pid, String name) {
        snapshot.put(pid, name);
        return this;
    }

    @Override
    public String imagePath(int pid) throws Win32CallException {
        return answer(paths, pid, "QueryFullProcessImageName");
    }

    @Override
    public String user(int pid) throws Win32CallException {
        return answer(users, pid, "OpenProcessToken");
    }

    private String answer(Map<Integer, String> values, int pid, String call) throws Win32CallException {
        if (values.containsKey(pid)) {
            return values.get(pid);
        }
        // OpenProcess of a pid that does not exist (or of pid 0) is ERROR_INVALID_PARAMETER; of a protected one, denied
        throw new Win32CallException("OpenProcess", snapshot.containsKey(pid) && pid != 0
                ? WinError.ERROR_ACCESS_DENIED : WinError.ERROR_INVALID_PARAMETER);
    }

    @Override
    public Map<Integer, String> processNames() throws Win32CallException {
        if (snapshotError != null) {
            throw new Win32CallException("CreateToolhelp32Snapshot", snapshotError);
        }
        return snapshot;
    }

    @Override
    public Map<Integer, List<String>> servicesByPid() throws Win32CallException {
        if (servicesError != null) {
            throw new Win32CallException("EnumServicesStatusEx", servicesError);
        }
        return services;
    }

    @Override
    public boolean elevated() {
        return elevated;
    }
}
