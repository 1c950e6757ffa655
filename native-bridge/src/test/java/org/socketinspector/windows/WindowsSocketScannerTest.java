package org.socketinspector.windows;

import com.sun.jna.platform.win32.WinError;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.sockets.windows.WinsockErrors;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole Windows scan on the captured Wine tables, with a fake process API and fake sockets. */
class WindowsSocketScannerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final HostInfo HOST = new HostInfo("WINHOST", "windows", "10.0", null, null);

    private final FakeProcessInfo processes = new FakeProcessInfo()
            .process(252, "C:\\users\\lab\\iphlp_dump.exe", "WINHOST\\lab")
            .protectedProcess(0, "[System Process]");
    private final FakeSockets sockets = new FakeSockets();

    /** Answers like the API: ERROR_INSUFFICIENT_BUFFER with the size, then the captured rows followed by slack. */
    private static TableSource captured(String dump) {
        return (kind, bufferSize) -> {
            byte[] table = Fixtures.table(dump, kind);
            return bufferSize < table.length
                    ? new TableSource.Attempt(WinError.ERROR_INSUFFICIENT_BUFFER, table.length, new byte[0])
                    : new TableSource.Attempt(WinError.NO_ERROR, table.length, Arrays.copyOf(table, bufferSize));
        };
    }

    private WindowsSocketScanner scanner(TableSource tables) {
        return new WindowsSocketScanner(tables, processes, () -> sockets, () -> HOST, Clock.fixed(NOW, ZoneOffset.UTC),
                Optional::empty);
    }

    @Test
    void theDefaultViewReadsTheListenerTablesAndBothUdpTables() throws IOException {
        Scan scan = scanner(captured(Fixtures.WITH_WINE)).scan(false, false, false);
        assertThat(scan.sockets()).hasSize(4 + 3 + 2 + 2).allMatch(SocketRecord::isListening);
        assertThat(scan.host()).isEqualTo(HOST);
        assertThat(scan.collectedAt()).isEqualTo(NOW);
        assertThat(scan.schema()).isEqualTo(Scan.SCHEMA);
        assertThat(scan.sources()).containsExactly("iphlpapi", "toolhelp");
        assertThat(scan.privileged()).isFalse();
        assertThat(scan.limitations()).anyMatch(l -> l.contains("safe bind probe (scan --probe)"));
        assertThat(sockets.calls).isEmpty();
    }

    @Test
    void ownersAreAttachedByPid() throws IOException {
        Scan scan = scanner(captured(Fixtures.WITH_WINE)).scan(true, false, false);
        assertThat(scan.sockets()).hasSize(8 + 5 + 2 + 2);
        SocketRecord dumper = scan.sockets().stream().filter(r -> r.localPort() == 45122).findFirst().orElseThrow();
        assertThat(dumper.pid()).isEqualTo(252);
        assertThat(dumper.process()).isEqualTo(new ProcessInfo("iphlp_dump.exe", "C:\\users\\lab\\iphlp_dump.exe",
                null, "WINHOST\\lab", null, List.of()));
        SocketRecord linuxSide = scan.sockets().get(0);
        assertThat(linuxSide.pid()).isZero();
        assertThat(linuxSide.process().name()).isEqualTo("[System Process]");
        assertThat(scan.limitations()).contains("user: the token could not be read for 1 process (pid 0)");
    }

    @Test
    void underWinePidZeroMeansOwnerUnknownAndTheScanSaysItRanOnWine() throws IOException {
        WindowsSocketScanner onWine = new WindowsSocketScanner(captured(Fixtures.WITH_WINE), processes, () -> sockets,
                () -> HOST, Clock.fixed(NOW, ZoneOffset.UTC), () -> Optional.of("8.0"));
        Scan scan = onWine.scan(true, false, false);
        assertThat(scan.sources()).containsExactly("iphlpapi", "toolhelp", "wine");
        SocketRecord linuxSide = scan.sockets().get(0);
        assertThat(linuxSide.pid()).isNull();
        assertThat(linuxSide.process()).isNull();
        long unknown = scan.sockets().stream().filter(r -> r.pid() == null).count();
        assertThat(unknown).isPositive();
        assertThat(scan.limitations())
                .contains("owner unknown for " + unknown + " socket(s): Wine reports pid 0 for sockets of processes"
                        + " outside Wine (and some of its own)")
                .anyMatch(l -> l.startsWith("running under Wine 8.0 (ntdll exports wine_get_version)"))
                // pid 0 is not asked about: no "token could not be read for pid 0" line as on Windows
                .noneMatch(l -> l.contains("(pid 0)"));
        SocketRecord dumper = scan.sockets().stream().filter(r -> r.localPort() == 45122).findFirst().orElseThrow();
        assertThat(dumper.pid()).isEqualTo(252);
    }

    @Test
    void probingSetsExclusiveAddressUseOnTcpListenersOnly() throws IOException {
        sockets.failBind("127.0.0.1:45121", WinsockErrors.WSAEACCES);
        Scan scan = scanner(captured(Fixtures.WITH_WINE)).scan(true, true, false);
        assertThat(scan.sources()).containsExactly("iphlpapi", "toolhelp", "winsock-probe");
        assertThat(scan.sockets()).filteredOn(r -> r.probe() != null)
                .allMatch(r -> r.isListening() && r.protocol() == org.socketinspector.model.Protocol.TCP)
                .extracting(SocketRecord::localEndpoint, r -> r.options().exclusiveAddressUse())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("0.0.0.0:45112", false),
                        org.assertj.core.groups.Tuple.tuple("0.0.0.0:45122", false),
                        org.assertj.core.groups.Tuple.tuple("127.0.0.1:45111", false),
                        org.assertj.core.groups.Tuple.tuple("127.0.0.1:45121", true),
                        org.assertj.core.groups.Tuple.tuple("[::]:45114", false),
                        org.assertj.core.groups.Tuple.tuple("[::1]:45113", false),
                        org.assertj.core.groups.Tuple.tuple("[::1]:45123", false));
        assertThat(sockets.calls).noneMatch(c -> c.startsWith("listen"));
    }

    @Test
    void unreadableTablesEndTheScanWithTheCallNamed() {
        TableSource denied = (kind, size) -> new TableSource.Attempt(WinError.ERROR_ACCESS_DENIED, 0, new byte[0]);
        assertThatThrownBy(() -> scanner(denied).scan(false, false, false))
                .isInstanceOf(IOException.class)
                .hasMessage("GetExtendedTcpTable(tcp4_owner_pid_listener) failed with Win32 error 5");
    }
}
