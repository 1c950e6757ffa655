package org.socketinspector.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socketinspector.collect.ScanRequest;
import org.socketinspector.collect.Source;
import org.socketinspector.experiment.ThisMachine;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.testing.RootTest;

/** The rules on real loopback sockets of this JVM, scanned by the Linux native collector (root reads options). */
@RootTest
class LinuxLiveRulesTest {

    @BeforeAll
    static void linuxAsRoot() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "live scans run on Linux");
        assumeTrue("root".equals(System.getProperty("user.name")),
                "reading socket options with pidfd_getfd needs root for the scan to be complete");
    }

    private static List<String> rulesForPort(int port) throws Exception {
        return rulesForPort(port, ThisMachine.PLATFORM.collector(Source.NATIVE).collect(ScanRequest.LISTENERS));
    }

    private static List<String> rulesForPort(int port, Scan scan) {
        List<SocketRecord> mine = scan.sockets().stream().filter(s -> s.localPort() == port).toList();
        assertEquals(false, mine.isEmpty(), "the scan sees port " + port);
        return RuleEngine.audit(scan.withSockets(mine)).findings().stream().map(Finding::rule).sorted().toList();
    }

    @Test
    void reusePortListenerOnOneLoopbackFamily() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            assertEquals(List.of("LINUX-REUSEPORT-GROUP", "LOCALHOST-FAMILY-SHADOW"), rulesForPort(port));
        }
    }

    @Test
    void aListenerOnBothLoopbackFamiliesWithTheJdkDefaultsHasNoFinding() throws Exception {
        try (ServerSocketChannel v4 = ServerSocketChannel.open(StandardProtocolFamily.INET);
             ServerSocketChannel v6 = ServerSocketChannel.open(StandardProtocolFamily.INET6)) {
            v4.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) v4.getLocalAddress()).getPort();
            v6.bind(new InetSocketAddress("::1", port));
            assertEquals(List.of(), rulesForPort(port));
        }
    }

    @Test
    void aJavaDefaultListenerOn127001IsAnIpv4BindAndCanBeShadowedOnIpv6Loopback() throws Exception {
        // ServerSocketChannel.open() without a family is a dual-stack IPv6 socket: bound to 127.0.0.1 the kernel
        // reports it as ::ffff:127.0.0.1, an IPv4 bind, so ::1 stays free for any user.
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            assertEquals(List.of("LOCALHOST-FAMILY-SHADOW"), rulesForPort(port));
        }
    }

    @Test
    void aTcpSocketBoundWithReuseAddrThatDoesNotListen() throws Exception {
        try (SocketChannel bound = boundOnly(true)) {
            assertEquals(List.of("TCP-BOUND-REUSEADDR"), rulesForPort(port(bound), scanListingBoundSockets()));
        }
    }

    @Test
    void aTcpSocketBoundWithoutReuseAddrHasNoFinding() throws Exception {
        try (SocketChannel bound = boundOnly(false)) {
            assertEquals(List.of(), rulesForPort(port(bound), scanListingBoundSockets()));
        }
    }

    /** A listener scan; skips the test where the collector says it cannot list bound-only TCP sockets (Linux < 6.8). */
    private static Scan scanListingBoundSockets() throws Exception {
        Scan scan = ThisMachine.PLATFORM.collector(Source.NATIVE).collect(ScanRequest.LISTENERS);
        assumeTrue(scan.limitations().stream().noneMatch(l -> l.contains("bound but not listening")),
                () -> "this scan cannot list bound-only TCP sockets: " + scan.limitations());
        return scan;
    }

    /** A TCP socket on 127.0.0.1 (port chosen by the kernel) that is bound and never listens nor connects. */
    private static SocketChannel boundOnly(boolean reuseAddress) throws Exception {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, reuseAddress);
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        return channel;
    }

    private static int port(SocketChannel channel) throws Exception {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    @Test
    void udpWithReuseAddr() throws Exception {
        try (DatagramChannel udp = DatagramChannel.open(StandardProtocolFamily.INET)) {
            udp.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            udp.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) udp.getLocalAddress()).getPort();
            Scan scan = ThisMachine.PLATFORM.collector(Source.NATIVE).collect(ScanRequest.LISTENERS);
            // A UDP service on 127.0.0.1 only can be shadowed on ::1, where this host has a ::1 to bind.
            List<String> expected = Boolean.FALSE.equals(scan.host().ipv6Loopback())
                    ? List.of("LINUX-UDP-REUSEADDR") : List.of("LINUX-UDP-REUSEADDR", "LOCALHOST-FAMILY-SHADOW");
            assertEquals(expected, rulesForPort(port, scan));
        }
    }
}
