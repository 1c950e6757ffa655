package org.socketinspector.windows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.socketinspector.model.Family;
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
 * Live smoke test on a real Windows (CI runners): invariants only, on loopback sockets this test opens itself.
 * Off Windows it is skipped; the logic it exercises is covered by the fake-based tests.
 */
@EnabledOnOs(value = OS.WINDOWS, disabledReason = "needs the real iphlpapi.dll, ws2_32.dll and kernel32.dll")
@WindowsTest
class WindowsLiveScanTest {

    private static final int MY_PID = (int) ProcessHandle.current().pid();

    @Test
    void seesItsOwnListenerWithOwnerAndProbesItsExclusivity() throws Exception {
        WinsockSockets winsock = new WinsockSockets();
        // Java binds exclusively on Windows (sun.net.useExclusiveBind); a Winsock listener with SO_REUSEADDR is not.
        try (ServerSocket exclusive = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long shared = winsock.open(Protocol.TCP, Family.IPV4);
            try {
                winsock.setOption(shared, SocketOption.REUSEADDR, true);
                winsock.bind(shared, "127.0.0.1", 0);
                winsock.listen(shared, 1);
                int sharedPort = winsock.localPort(shared);

                Scan scan = new WindowsSocketScanner().scan(false, false, false);

                assertThat(scan.host().os()).isEqualTo("windows");
                SocketRecord mine = find(scan, exclusive.getLocalPort());
                assertThat(mine.pid()).isEqualTo(MY_PID);
                assertThat(mine.process().name()).endsWithIgnoringCase(".exe");
                assertThat(mine.process().user()).contains("\\");
                assertThat(mine.options().exclusiveAddressUse()).isNull();

                // Probe only this test's own listeners, never the machine's services.
                List<SocketRecord> probed = new ListenerProbe(winsock)
                        .probeAll(List.of(mine, find(scan, sharedPort)), true, false).sockets();
                assertThat(probed.get(0).options().exclusiveAddressUse()).isTrue();
                assertThat(probed.get(1).options().exclusiveAddressUse()).isFalse();
            } finally {
                winsock.close(shared);
            }
        }
    }

    private static SocketRecord find(Scan scan, int port) {
        return scan.sockets().stream()
                .filter(r -> r.protocol() == Protocol.TCP && r.localPort() == port && "127.0.0.1".equals(r.localAddress()))
                .findFirst().orElseThrow(() -> new AssertionError("127.0.0.1:" + port + " not in the scan"));
    }
}
