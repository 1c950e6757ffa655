package org.socketinspector.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socketinspector.exec.CommandRunner;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;

/** Live: runs the real ss and netstat of this machine against loopback sockets the test opens. */
class LinuxToolScannerTest {

    @ParameterizedTest
    @EnumSource(LinuxToolScanner.Tool.class)
    void seesThisProcesssLoopbackListenerAndUdpSocket(LinuxToolScanner.Tool tool) throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "needs Linux");
        assumeTrue(CommandRunner.onPath(tool.command.get(0)), tool.command.get(0) + " is not installed");
        long pid = ProcessHandle.current().pid();
        try (ServerSocket listener = new ServerSocket();
             DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            Scan scan = new LinuxToolScanner(tool).scan(false);

            assertThat(scan.sources()).containsExactly(tool.name);
            assertThat(scan.host().os()).isEqualTo("linux");
            SocketRecord tcp = find(scan, "tcp", listener.getLocalPort());
            assertThat(tcp.state()).isEqualTo("LISTEN");
            assertThat(tcp.options().reuseAddress()).isNull();
            SocketRecord bound = find(scan, "udp", udp.getLocalPort());
            assertThat(bound.state()).isNull();
            if (scan.privileged()) {
                assertThat(tcp.pid()).isEqualTo((int) pid);
                assertThat(tcp.inode()).isNotNull();
            } else {
                assertThat(scan.limitations()).anyMatch(l -> l.startsWith("not root"));
            }
            assertThat(scan.sockets()).allMatch(SocketRecord::isListening);
        }
    }

    private static SocketRecord find(Scan scan, String protocol, int port) {
        return scan.sockets().stream()
                .filter(s -> s.protocol().wireName().equals(protocol) && s.localPort() == port
                        // the JDK opens dual-stack IPv6 sockets: 127.0.0.1 shows as ::ffff:127.0.0.1
                        && (s.localAddress().equals("127.0.0.1") || s.localAddress().equals("::ffff:127.0.0.1")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + protocol + " 127.0.0.1:" + port + " in " + scan.sockets()));
    }
}
