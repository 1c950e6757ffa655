package org.socketinspector.sockets.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.sockets.NativeSocketException;
import org.socketinspector.model.SocketOption;

/** Real sockets on loopback: the libc mapping binds, conflicts, accepts and receives as the kernel says. */
@EnabledOnOs(OS.LINUX)
class LinuxSocketsTest {

    private final LinuxSockets sockets = new LinuxSockets();
    private final List<Long> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(sockets::close);
    }

    private long open(Protocol protocol, Family family) throws NativeSocketException {
        long s = sockets.open(protocol, family);
        opened.add(s);
        return s;
    }

    @Test
    void structLayoutsMatchTheKernel() {
        assertThat(new SockaddrIn().size()).isEqualTo(16);
        assertThat(new SockaddrIn6().size()).isEqualTo(28);
    }

    @Test
    void secondPlainBindOnAListenerIsRefusedWithEaddrinuse() throws Exception {
        long first = open(Protocol.TCP, Family.IPV4);
        sockets.bind(first, "127.0.0.1", 0);
        sockets.listen(first, 8);
        int port = sockets.localPort(first);
        assertThat(port).isPositive();
        assertThat(sockets.isListening(first)).isTrue();

        long second = open(Protocol.TCP, Family.IPV4);
        sockets.setOption(second, SocketOption.REUSEADDR, true);
        assertThatThrownBy(() -> sockets.bind(second, "127.0.0.1", port))
                .isInstanceOfSatisfying(NativeSocketException.class, e -> {
                    assertThat(e.call()).isEqualTo("bind");
                    assertThat(e.errorName()).isEqualTo("EADDRINUSE");
                    assertThat(e.errorCode()).isEqualTo(98);
                });
        assertThat(sockets.isListening(second)).isFalse();
    }

    @Test
    void reuseportLetsTheSameUserJoinAListener() throws Exception {
        long first = open(Protocol.TCP, Family.IPV6);
        sockets.setOption(first, SocketOption.REUSEPORT, true);
        sockets.bind(first, "::1", 0);
        sockets.listen(first, 8);
        long second = open(Protocol.TCP, Family.IPV6);
        sockets.setOption(second, SocketOption.REUSEPORT, true);
        sockets.bind(second, "::1", sockets.localPort(first));
        assertThat(sockets.localPort(second)).isEqualTo(sockets.localPort(first));
    }

    @Test
    void v6onlyWildcardLeavesIpv4FreeButDualStackCoversIt() throws Exception {
        long v6only = open(Protocol.TCP, Family.IPV6);
        sockets.setOption(v6only, SocketOption.V6ONLY, true);
        sockets.bind(v6only, "::", 0);
        int port = sockets.localPort(v6only);
        long v4 = open(Protocol.TCP, Family.IPV4);
        sockets.bind(v4, "127.0.0.1", port);
        sockets.close(v4);
        sockets.close(v6only);
        opened.clear();

        long dual = open(Protocol.TCP, Family.IPV6);
        sockets.setOption(dual, SocketOption.V6ONLY, false);
        sockets.bind(dual, "::", 0);
        long v4again = open(Protocol.TCP, Family.IPV4);
        assertThatThrownBy(() -> sockets.bind(v4again, "127.0.0.1", sockets.localPort(dual)))
                .hasMessageContaining("EADDRINUSE");
    }

    @Test
    void acceptReceivesWhatTheClientSendsAndTimesOutWhenIdle() throws Exception {
        long server = open(Protocol.TCP, Family.IPV4);
        sockets.bind(server, "127.0.0.1", 0);
        sockets.listen(server, 8);
        assertThat(sockets.accept(server, 10)).isEqualTo(-1);

        long client = open(Protocol.TCP, Family.IPV4);
        sockets.connect(client, "127.0.0.1", sockets.localPort(server));
        sockets.send(client, "7\n".getBytes(StandardCharsets.US_ASCII), null, 0);
        long accepted = sockets.accept(server, 1000);
        assertThat(accepted).isGreaterThanOrEqualTo(0);
        opened.add(accepted);
        assertThat(new String(sockets.receive(accepted, 64, 1000), StandardCharsets.US_ASCII)).isEqualTo("7\n");
        sockets.close(client);
        assertThat(sockets.receive(accepted, 64, 1000)).isEmpty();
    }

    @Test
    void udpDatagramArrivesAndReceiveTimesOutWhenNothingCame() throws Exception {
        long server = open(Protocol.UDP, Family.IPV6);
        sockets.bind(server, "::1", 0);
        assertThat(sockets.receive(server, 64, 10)).isNull();
        long client = open(Protocol.UDP, Family.IPV6);
        sockets.send(client, new byte[] {42}, "::1", sockets.localPort(server));
        assertThat(sockets.receive(server, 64, 1000)).containsExactly(42);
    }

    @Test
    void connectToAClosedPortIsRefused() throws Exception {
        long probe = open(Protocol.TCP, Family.IPV4);
        sockets.bind(probe, "127.0.0.1", 0);
        int port = sockets.localPort(probe); // bound, never listening: nobody accepts here
        long client = open(Protocol.TCP, Family.IPV4);
        assertThatThrownBy(() -> sockets.connect(client, "127.0.0.1", port)).hasMessageContaining("ECONNREFUSED");
    }

    @Test
    void hostNamesAreNeverResolved() throws Exception {
        long s = open(Protocol.TCP, Family.IPV4);
        assertThatThrownBy(() -> sockets.bind(s, "localhost", 0)).hasMessageContaining("not an IP address literal");
    }

    @Test
    void exclusiveAddrUseIsAWindowsOption() throws Exception {
        long s = open(Protocol.TCP, Family.IPV4);
        assertThatThrownBy(() -> sockets.setOption(s, SocketOption.EXCLUSIVEADDRUSE, true)).hasMessageContaining("ENOPROTOOPT");
    }
}
