package org.socketinspector.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;

/** Live scans of sockets this JVM opens with known options: the scanner must report them exactly. */
class LinuxSocketScannerTest {

    private static final long MY_PID = ProcessHandle.current().pid();
    /** This JVM's name and executable as the kernel has them (a launcher may name the process other than "java"). */
    private static String myName;
    private static String myExecutable;
    /** Whether ::1 can be bound here: IPv6 may be disabled, or lo may lack ::1 (a container). */
    private static boolean ipv6Loopback;

    @BeforeAll
    static void onLinux() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the Linux collector needs Linux");
        myName = Files.readString(Path.of("/proc/self/comm")).strip();
        myExecutable = Files.readSymbolicLink(Path.of("/proc/self/exe")).toString();
        try (ServerSocketChannel probe = ServerSocketChannel.open(StandardProtocolFamily.INET6)) {
            probe.bind(new InetSocketAddress("::1", 0));
            ipv6Loopback = true;
        } catch (IOException | UnsupportedOperationException e) {
            ipv6Loopback = false;
        }
    }

    private static void assumeIpv6Loopback() {
        assumeTrue(ipv6Loopback, "::1 cannot be bound here (IPv6 disabled or no ::1 on lo): the IPv6 cases need it");
    }

    @Test
    void reportsOwnListenersWithTheirRealOptions() throws Exception {
        try (ServerSocketChannel both = listener("127.0.0.1", true, true);
             ServerSocketChannel none = listener("127.0.0.1", false, false);
             DatagramChannel udp = DatagramChannel.open(StandardProtocolFamily.INET)) {
            udp.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            udp.bind(new InetSocketAddress("127.0.0.1", 0));

            Scan scan = new LinuxSocketScanner().scan(false);

            SocketRecord r = find(scan, Protocol.TCP, both);
            assertThat(r.family()).isEqualTo(Family.IPV4);
            assertThat(r.localAddress()).isEqualTo("127.0.0.1");
            assertThat(r.state()).isEqualTo("LISTEN");
            assertThat(r.remoteAddress()).isNull();
            assertThat(r.remotePort()).isNull();
            assertThat(r.pid()).isEqualTo((int) MY_PID);
            assertThat(r.process().name()).isEqualTo(myName);
            assertThat(r.process().executable()).isEqualTo(myExecutable);
            assertThat(r.process().user()).isEqualTo(System.getProperty("user.name"));
            assertThat(r.inode()).isPositive();
            assertThat(r.options()).isEqualTo(new SocketOptions(true, true, null, null));

            assertThat(find(scan, Protocol.TCP, none).options()).isEqualTo(new SocketOptions(false, false, null, null));

            SocketRecord u = find(scan, Protocol.UDP, ((InetSocketAddress) udp.getLocalAddress()).getPort());
            assertThat(u.state()).isNull();
            assertThat(u.pid()).isEqualTo((int) MY_PID);
            assertThat(u.options().reuseAddress()).isTrue();
            assertThat(u.options().reusePort()).isFalse();

            assertThat(scan.sources()).containsExactly("netlink", "procfs-fd", "pidfd-getsockopt");
            assertThat(scan.host().os()).isEqualTo("linux");
            assertThat(scan.host().osVersion()).isNotBlank();
        }
    }

    @Test
    void reportsOwnIpv6ListenersWithTheKernelsV6Only() throws Exception {
        assumeIpv6Loopback();
        try (ServerSocketChannel v6 = listener("::1", false, true);
             ServerSocketChannel mapped = listener("::ffff:127.0.0.1", true, false)) {
            Scan scan = new LinuxSocketScanner().scan(false);

            // Java leaves IPV6_V6ONLY off, but the kernel sets it when an IPv6 socket binds a specific
            // non-mapped address (net/ipv6/af_inet6.c, __inet6_bind).
            SocketRecord loopback6 = find(scan, Protocol.TCP, v6);
            assertThat(loopback6.family()).isEqualTo(Family.IPV6);
            assertThat(loopback6.localAddress()).isEqualTo("::1");
            assertThat(loopback6.pid()).isEqualTo((int) MY_PID);
            assertThat(loopback6.options()).isEqualTo(new SocketOptions(false, true, null, true));

            SocketRecord mapped4 = find(scan, Protocol.TCP, mapped);
            assertThat(mapped4.family()).isEqualTo(Family.IPV6);
            assertThat(mapped4.localAddress()).isEqualTo("::ffff:127.0.0.1");
            assertThat(mapped4.options()).isEqualTo(new SocketOptions(true, false, null, false));
        }
    }

    @Test
    void reportsTcpSocketsThatAreBoundButNotListening() throws Exception {
        try (SocketChannel reuse = boundOnly("127.0.0.1", true)) {
            Scan scan = new LinuxSocketScanner().scan(false);
            assumeTrue(TcpStates.listsBoundInactive(scan.host().osVersion()),
                    "sock_diag lists bound-inactive TCP sockets from Linux 6.8 on; this is " + scan.host().osVersion());

            SocketRecord r = find(scan, Protocol.TCP, port(reuse));
            assertThat(r.state()).isEqualTo("BOUND");
            assertThat(r.nativeState()).isEqualTo("CLOSE");
            assertThat(r.localAddress()).isEqualTo("127.0.0.1");
            assertThat(r.remoteAddress()).isNull();
            assertThat(r.remotePort()).isNull();
            assertThat(r.pid()).isEqualTo((int) MY_PID);
            assertThat(r.process().name()).isEqualTo(myName);
            assertThat(r.inode()).isPositive();
            assertThat(r.options()).isEqualTo(new SocketOptions(true, false, null, null));
            assertThat(r.isListening()).as("shown in the default listener view").isTrue();
            assertThat(scan.limitations()).noneMatch(l -> l.contains("bound but not listening"));
        }
    }

    @Test
    void reportsIpv6TcpSocketsThatAreBoundButNotListening() throws Exception {
        assumeIpv6Loopback();
        try (SocketChannel plain = boundOnly("::1", false)) {
            Scan scan = new LinuxSocketScanner().scan(false);
            assumeTrue(TcpStates.listsBoundInactive(scan.host().osVersion()),
                    "sock_diag lists bound-inactive TCP sockets from Linux 6.8 on; this is " + scan.host().osVersion());

            SocketRecord p = find(scan, Protocol.TCP, port(plain));
            assertThat(p.state()).isEqualTo("BOUND");
            assertThat(p.localAddress()).isEqualTo("::1");
            assertThat(p.pid()).isEqualTo((int) MY_PID);
            assertThat(p.options()).isEqualTo(new SocketOptions(false, false, null, true));
            assertThat(scan.limitations()).noneMatch(l -> l.contains("bound but not listening"));
        }
    }

    @Test
    void ownerStillAcceptsConnectionsAfterItsDescriptorWasDuplicated() throws Exception {
        try (ServerSocketChannel server = listener("127.0.0.1", true, false)) {
            LinuxSocketScanner scanner = new LinuxSocketScanner();
            for (int i = 0; i < 3; i++) {
                assertThat(find(scanner.scan(false), Protocol.TCP, server).options().reuseAddress()).isTrue();
            }
            try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.INET);
                 SocketChannel accepted = connect(client, server)) {
                client.write(ByteBuffer.wrap(new byte[] {42}));
                ByteBuffer in = ByteBuffer.allocate(1);
                assertThat(accepted.read(in)).isEqualTo(1);
                assertThat(in.get(0)).isEqualTo((byte) 42);
            }
            // The duplicates are closed: the listener is still listed exactly once, still LISTEN.
            assertThat(find(scanner.scan(false), Protocol.TCP, server).state()).isEqualTo("LISTEN");
        }
    }

    @Test
    void listsConnectionsOnlyWhenAsked() throws Exception {
        try (ServerSocketChannel server = listener("127.0.0.1", false, false);
             SocketChannel client = SocketChannel.open(StandardProtocolFamily.INET);
             SocketChannel accepted = connect(client, server)) {
            int clientPort = ((InetSocketAddress) client.getLocalAddress()).getPort();
            assertThat(new LinuxSocketScanner().scan(false).sockets())
                    // Our own client end must be absent; another program may listen on the same port number.
                    .noneMatch(s -> s.protocol() == Protocol.TCP && s.localPort() == clientPort
                            && Integer.valueOf((int) MY_PID).equals(s.pid()));

            int serverPort = ((InetSocketAddress) server.getLocalAddress()).getPort();
            SocketRecord connection = new LinuxSocketScanner().scan(true).sockets().stream()
                    .filter(s -> s.localPort() == clientPort && Integer.valueOf(serverPort).equals(s.remotePort()))
                    .findFirst().orElseThrow();
            assertThat(connection.state()).isEqualTo("ESTABLISHED");
            assertThat(connection.remoteAddress()).isEqualTo("127.0.0.1");
            assertThat(connection.pid()).isEqualTo((int) MY_PID);
        }
    }

    @Test
    void repeatedScansStayExactWhileSocketsComeAndGo() throws Exception {
        LinuxSocketScanner scanner = new LinuxSocketScanner();
        try (ServerSocketChannel first = listener("127.0.0.1", true, false)) {
            for (int i = 0; i < 3; i++) { // the first scan makes a full /proc pass, the others reuse its owners
                assertThat(find(scanner.scan(false), Protocol.TCP, first).options().reuseAddress()).isTrue();
            }
            first.close();
            // The new listener is likely to get the closed one's descriptor number.
            try (ServerSocketChannel second = listener("127.0.0.1", false, true)) {
                SocketRecord r = find(scanner.scan(false), Protocol.TCP, second);
                assertThat(r.pid()).isEqualTo((int) MY_PID);
                assertThat(r.options()).isEqualTo(new SocketOptions(false, true, null, null));
                assertThat(find(scanner.scan(false), Protocol.TCP, second).options())
                        .isEqualTo(new SocketOptions(false, true, null, null));
            }
        }
    }

    @Test
    void fallsBackToProcNetAndSaysSo() throws Exception {
        // /proc/net/tcp6 where ::1 exists (its parser is the harder one), else /proc/net/tcp.
        String address = ipv6Loopback ? "::1" : "127.0.0.1";
        try (ServerSocketChannel server = listener(address, true, false)) {
            Scan scan = new LinuxSocketScanner(Path.of("/proc"), Path.of("/etc/passwd"), false).scan(false);

            SocketRecord r = find(scan, Protocol.TCP, server);
            assertThat(r.localAddress()).isEqualTo(address);
            assertThat(r.pid()).isEqualTo((int) MY_PID);
            assertThat(r.options()).isEqualTo(new SocketOptions(true, false, null, ipv6Loopback ? true : null));
            assertThat(scan.sources()).containsExactly("procfs-net", "procfs-fd", "pidfd-getsockopt");
            assertThat(scan.limitations()).anyMatch(l -> l.startsWith("sock_diag netlink unavailable (disabled)")
                    && l.contains("nor TCP sockets that are bound but not listening"));
        }
    }

    static ServerSocketChannel listener(String address, boolean reuseAddress, boolean reusePort) throws Exception {
        // Java opens IPv6 sockets by default; an IPv4 address would then be bound as ::ffff:127.0.0.1.
        ServerSocketChannel channel = ServerSocketChannel.open(address.indexOf(':') >= 0
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, reuseAddress);
        channel.setOption(StandardSocketOptions.SO_REUSEPORT, reusePort);
        channel.bind(new InetSocketAddress(address, 0));
        return channel;
    }

    /** A TCP socket bound to {@code address} (any port) that never listens nor connects. */
    static SocketChannel boundOnly(String address, boolean reuseAddress) throws Exception {
        SocketChannel channel = SocketChannel.open(address.indexOf(':') >= 0
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, reuseAddress);
        channel.bind(new InetSocketAddress(address, 0));
        return channel;
    }

    private static int port(SocketChannel channel) throws Exception {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    private static SocketChannel connect(SocketChannel client, ServerSocketChannel server) throws Exception {
        client.connect(server.getLocalAddress());
        return server.accept();
    }

    static SocketRecord find(Scan scan, Protocol protocol, ServerSocketChannel channel) throws Exception {
        return find(scan, protocol, ((InetSocketAddress) channel.getLocalAddress()).getPort());
    }

    static SocketRecord find(Scan scan, Protocol protocol, int port) {
        List<SocketRecord> found = scan.sockets().stream()
                .filter(s -> s.protocol() == protocol && s.localPort() == port).toList();
        assertThat(found).as("%s sockets on port %d", protocol, port).hasSize(1);
        return found.get(0);
    }
}
