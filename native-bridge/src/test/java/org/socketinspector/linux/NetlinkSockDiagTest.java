package org.socketinspector.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Protocol;

/** The live sock_diag dump and the state bits it is asked for. */
class NetlinkSockDiagTest {

    @BeforeAll
    static void onLinux() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "sock_diag needs Linux");
        assumeTrue(NativeAccess.available(), NativeAccess.PROBLEM);
    }

    /**
     * How a kernel older than 6.8 sees the bound-inactive bit: as a state bit it does not know. The kernel only tests
     * the bits it knows, so the dump succeeds and lists no TCP socket for it (bit 20 stands for any unknown bit).
     */
    @Test
    void anUnknownStateBitIsHarmless() throws Exception {
        List<DiagSocket> sockets = new NetlinkSockDiag().dump(1 << 20);
        assertThat(sockets).noneMatch(s -> s.protocol() == Protocol.TCP);
    }

    @Test
    void theBoundInactiveBitAloneListsOnlyBoundSocketsInTcpClose() throws Exception {
        String kernel = System.getProperty("os.version");
        assumeTrue(TcpStates.listsBoundInactive(kernel), "kernel " + kernel + " does not list bound-inactive sockets");
        try (SocketChannel bound = LinuxSocketScannerTest.boundOnly("127.0.0.1", true)) {
            int port = ((InetSocketAddress) bound.getLocalAddress()).getPort();
            List<DiagSocket> tcp = new NetlinkSockDiag().dump(1 << TcpStates.BOUND_INACTIVE).stream()
                    .filter(s -> s.protocol() == Protocol.TCP).toList();
            assertThat(tcp).anyMatch(s -> s.localPort() == port && "127.0.0.1".equals(s.localAddress()));
            assertThat(tcp).allMatch(s -> s.state() == TcpStates.CLOSE);
        }
    }
}
