package org.socketinspector.windows;

import org.junit.jupiter.api.Test;
import org.socketinspector.model.ProcessInfo;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class WindowsProcessResolverTest {

    private final FakeProcessInfo windows = new FakeProcessInfo();

    @Test
    void readableProcessesGetPathNameUserAndServices() {
        windows.process(1234, "C:\\Windows\\System32\\svchost.exe", "NT AUTHORITY\\LOCAL SERVICE");
        windows.services.put(1234, List.of("EventLog", "Dhcp"));
        WindowsProcessResolver.Resolution r = new WindowsProcessResolver(windows).resolve(List.of(1234));
        assertThat(r.processes().get(1234)).isEqualTo(new ProcessInfo("svchost.exe",
                "C:\\Windows\\System32\\svchost.exe", null, "NT AUTHORITY\\LOCAL SERVICE", null, List.of("EventLog", "Dhcp")));
        assertThat(r.limitations()).isEmpty();
    }

    @Test
    void accessDeniedFallsBackToTheSnapshotNameAndIsALimitation() {
        windows.protectedProcess(4, "System").protectedProcess(652, "lsass.exe");
        windows.services.put(652, List.of("KeyIso"));
        WindowsProcessResolver.Resolution r = new WindowsProcessResolver(windows).resolve(List.of(652, 4));
        assertThat(r.processes().get(4)).isEqualTo(new ProcessInfo("System", null, null, null, null, List.of()));
        assertThat(r.processes().get(652).name()).isEqualTo("lsass.exe");
        assertThat(r.processes().get(652).services()).containsExactly("KeyIso");
        assertThat(r.limitations()).containsExactly(
                "image path: access denied for 2 processes (pids 4, 652); names come from the process snapshot"
                        + " (run elevated to see paths)",
                "user: the token could not be read for 2 processes (pids 4, 652)");
    }

    @Test
    void systemIdleCannotBeOpenedButIsInTheSnapshot() {
        windows.protectedProcess(0, "[System Process]");
        WindowsProcessResolver.Resolution r = new WindowsProcessResolver(windows).resolve(List.of(0));
        assertThat(r.processes().get(0).name()).isEqualTo("[System Process]");
        assertThat(r.limitations()).noneMatch(l -> l.startsWith("ended"));
    }

    @Test
    void vanishedProcessesAreALimitationNotAnError() {
        windows.process(10, "C:\\a.exe", "HOST\\me");
        WindowsProcessResolver.Resolution r = new WindowsProcessResolver(windows).resolve(List.of(10, 9999));
        assertThat(r.processes()).containsOnlyKeys(10);
        assertThat(r.limitations()).containsExactly(
                "ended during the scan: 1 process (pid 9999); their sockets are listed without a process");
    }

    @Test
    void failingSnapshotAndServicesAreLimitations() {
        windows.snapshotError = 5;
        windows.servicesError = 5;
        windows.process(10, "C:\\a.exe", "HOST\\me");
        WindowsProcessResolver.Resolution r = new WindowsProcessResolver(windows).resolve(List.of(10));
        assertThat(r.processes().get(10).name()).isEqualTo("a.exe");
        assertThat(r.limitations()).containsExactly(
                "process names: CreateToolhelp32Snapshot failed with Win32 error 5; processes whose image path is denied stay unnamed",
                "Windows services: EnumServicesStatusEx failed with Win32 error 5; service names are missing");
    }

    @Test
    void longPidListsAreCut() {
        IntStream.range(100, 120).forEach(pid -> windows.protectedProcess(pid, "p" + pid + ".exe"));
        List<String> limitations = new WindowsProcessResolver(windows)
                .resolve(IntStream.range(100, 120).boxed().toList()).limitations();
        assertThat(limitations.get(0)).startsWith(
                "image path: access denied for 20 processes (pids 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, ...)");
    }
}
