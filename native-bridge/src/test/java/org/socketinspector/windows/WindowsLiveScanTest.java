package org.socketinspector.windows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.socketinspector.model.Family;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.SocketOption;
import org.socketinspector.sockets.windows.WinsockSockets;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import org.socketinspector.testing.WindowsTest;

/**
 * Live smoke test on a real Windows (CI runners) and on the Windows JVM under Wine (WindowsTestsOnWineTest):
 * invariants only, on loopback sockets this test opens itself. Off Windows it is skipped; the logic it exercises is
 * covered by the fake-based tests. Where Wine differs from Windows, the Wine branch asserts Wine's measured behaviour
 * (docs/windows.md, section 5), never as Windows truth.
 */
@EnabledOnOs(value = OS.WINDOWS, disabledReason = "needs the real iphlpapi.dll, ws2_32.dll and kernel32.dll")
@WindowsTest
class WindowsLiveScanTest {

    private static final int MY_PID = (int) ProcessHandle.current().pid();
    private static final boolean WINE = Wine.version().isPresent();

    @Test
    void seesItsOwnListenerWithOwnerAndProbesItsExclusivity() throws Exception {
        WinsockSockets winsock = new WinsockSockets();
        // Java binds exclusively on Windows (sun.net.useExclusiveBind); a Winsock listener with SO_REUSEADDR is not.
        // A literal, not InetAddress.getLoopbackAddress(): that one asks NetworkInterface, which kills the JVM on Wine 8.
        try (ServerSocket exclusive = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            long shared = winsock.open(Protocol.TCP, Family.IPV4);
            try {
                winsock.setOption(shared, SocketOption.REUSEADDR, true);
                winsock.bind(shared, "127.0.0.1", 0);
                winsock.listen(shared, 1);
                int sharedPort = winsock.localPort(shared);

                Scan scan = new WindowsSocketScanner().scan(false, false, false);

                assertThat(scan.host().os()).isEqualTo("windows");
                assertThat(scan.sources().contains(WindowsSocketScanner.SOURCE_WINE)).isEqualTo(WINE);
                SocketRecord mine = find(scan, exclusive.getLocalPort());
                if (WINE) {
                    // Wine 8 reports pid 0 even for this JVM's own listeners (measured): owner unknown, said so.
                    assertThat(mine.pid()).isNull();
                    assertThat(find(scan, sharedPort).pid()).isNull();
                    assertThat(scan.limitations()).anyMatch(l -> l.startsWith("owner unknown for "));
                } else {
                    assertThat(mine.pid()).isEqualTo(MY_PID);
                    assertThat(mine.process().name()).endsWithIgnoringCase(".exe");
                    assertThat(mine.process().user()).contains("\\");
                    assertThat(find(scan, sharedPort).pid()).isEqualTo(MY_PID);
                }
                assertThat(mine.options().exclusiveAddressUse()).isNull();

                // Probe only this test's own listeners, never the machine's services.
                // The Java listener may be listed IPv4-mapped (dual-stack), where a probe learns nothing; an IPv4
                // Winsock listener with SO_EXCLUSIVEADDRUSE is the exclusive case on both.
                long exclusiveWinsock = winsock.open(Protocol.TCP, Family.IPV4);
                List<SocketRecord> probed;
                try {
                    winsock.setOption(exclusiveWinsock, SocketOption.EXCLUSIVEADDRUSE, true);
                    winsock.bind(exclusiveWinsock, "127.0.0.1", 0);
                    winsock.listen(exclusiveWinsock, 1);
                    SocketRecord exclusiveRecord = find(new WindowsSocketScanner().scan(false, false, false),
                            winsock.localPort(exclusiveWinsock));
                    probed = new ListenerProbe(winsock)
                            .probeAll(List.of(exclusiveRecord, find(scan, sharedPort)), true, false).sockets();
                } finally {
                    winsock.close(exclusiveWinsock);
                }
                assertThat(probed.get(0).options().exclusiveAddressUse()).isTrue();
                // Windows lets a SO_REUSEADDR probe co-bind a SO_REUSEADDR listener (MS Learn); Wine 8 refuses it
                // with WSAEACCES (reuse_matrix_wine.txt), so there the probe reads it as exclusive.
                assertThat(probed.get(1).options().exclusiveAddressUse()).isEqualTo(WINE);
                assertThat(probed.get(1).probe().bound()).isEqualTo(!WINE);
            } finally {
                winsock.close(shared);
            }
        }
    }

    @Test
    void namesThisProcessThroughTheProcessCalls() {
        // OpenProcess + QueryFullProcessImageName, the token's user, the Toolhelp snapshot: on Windows and Wine alike.
        WindowsProcessResolver.Resolution r = new WindowsProcessResolver(new JnaWindowsProcessInfo()).resolve(List.of(MY_PID));
        ProcessInfo me = r.processes().get(MY_PID);
        assertThat(me).as("limitations %s", r.limitations()).isNotNull();
        assertThat(me.name()).isEqualToIgnoringCase("java.exe");
        assertThat(me.executable()).endsWithIgnoringCase("\\bin\\java.exe");
        assertThat(me.user()).contains("\\");
    }

    private static SocketRecord find(Scan scan, int port) {
        return scan.sockets().stream()
                // Java's sockets are dual-stack: a table may list the listener as IPv4 or as IPv4-mapped IPv6.
                .filter(r -> r.protocol() == Protocol.TCP && r.localPort() == port
                        && List.of("127.0.0.1", "::ffff:127.0.0.1").contains(r.localAddress()))
                .findFirst().orElseThrow(() -> new AssertionError("127.0.0.1:" + port + " not in the scan"));
    }
}
