package org.socketinspector.sockets.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.sockets.NativeSocketException;
import org.socketinspector.model.SocketOption;

/** {@link WinsockSockets}' use of Winsock, against an in-memory loopback ({@link LoopbackWinsock}). */
class WinsockSocketsTest {

    private final LoopbackWinsock ws2 = new LoopbackWinsock();
    private final WinsockSockets sockets = new WinsockSockets(ws2);

    @Test
    void socketsAreNotInheritedByHelperProcesses() throws Exception {
        sockets.open(Protocol.TCP, Family.IPV6);
        assertThat(ws2.lastFlags & Ws2_32.WSA_FLAG_NO_HANDLE_INHERIT).isNotZero();
        assertThat(ws2.calls).containsSubsequence("WSAStartup", "WSASocketW");
        sockets.open(Protocol.UDP, Family.IPV4);
        assertThat(ws2.calls.stream().filter("WSAStartup"::equals)).hasSize(1);
    }

    @Test
    void aStreamRoundTripAsTheExperimentsUseIt() throws Exception {
        long listener = sockets.open(Protocol.TCP, Family.IPV4);
        sockets.bind(listener, "127.0.0.1", 0);
        int port = sockets.localPort(listener);
        assertThat(sockets.isListening(listener)).isFalse();
        sockets.listen(listener, 64);
        assertThat(sockets.isListening(listener)).isTrue();

        long client = sockets.open(Protocol.TCP, Family.IPV4);
        sockets.connect(client, "127.0.0.1", port);
        byte[] tag = "1234567\n".getBytes(StandardCharsets.US_ASCII);
        sockets.send(client, tag, null, 0); // the loopback sends at most 3 bytes a call: send must loop

        long connection = sockets.accept(listener, 10);
        assertThat(connection).isNotNegative();
        StringBuilder received = new StringBuilder();
        for (byte[] part; (part = sockets.receive(connection, 256, 10)) != null && part.length > 0; ) {
            received.append(new String(part, StandardCharsets.US_ASCII));
            if (received.length() == tag.length) {
                sockets.close(client);
            }
        }
        assertThat(received).hasToString("1234567\n");
        assertThat(sockets.receive(connection, 256, 10)).as("after the peer closed").isEmpty();
        assertThat(ws2.lastPollTimeout).isEqualTo(10);
        sockets.close(connection);
        sockets.close(listener);
        assertThat(ws2.openSockets()).isZero();
    }

    @Test
    void waitsEndWithoutBlockingWhenNothingArrives() throws Exception {
        long listener = sockets.open(Protocol.TCP, Family.IPV6);
        sockets.bind(listener, "::1", 0);
        sockets.listen(listener, 4);
        assertThat(sockets.accept(listener, 5)).isEqualTo(-1);
        assertThat(ws2.calls).doesNotContain("accept");
        long udp = sockets.open(Protocol.UDP, Family.IPV6);
        sockets.bind(udp, "::1", 0);
        assertThat(sockets.receive(udp, 64, -3)).isNull();
        assertThat(ws2.lastPollTimeout).as("a negative timeout would wait for ever").isZero();
    }

    @Test
    void datagramsGoToTheAddressGiven() throws Exception {
        long receiver = sockets.open(Protocol.UDP, Family.IPV6);
        sockets.bind(receiver, "::1", 0);
        long sender = sockets.open(Protocol.UDP, Family.IPV6);
        sockets.send(sender, "42\n".getBytes(StandardCharsets.US_ASCII), "::1", sockets.localPort(receiver));
        assertThat(new String(sockets.receive(receiver, 64, 10), StandardCharsets.US_ASCII)).isEqualTo("42\n");
        assertThat(ws2.calls).contains("sendto").doesNotContain("send");
    }

    @Test
    void failuresCarryTheWinsockErrorName() throws Exception {
        long s = sockets.open(Protocol.TCP, Family.IPV4);
        ws2.failNext("bind", WinsockErrors.WSAEADDRINUSE);
        assertThatThrownBy(() -> sockets.bind(s, "127.0.0.1", 8080))
                .isInstanceOfSatisfying(NativeSocketException.class, e -> {
                    assertThat(e.call()).isEqualTo("bind");
                    assertThat(e.errorName()).isEqualTo("WSAEADDRINUSE");
                    assertThat(e.errorCode()).isEqualTo(10048);
                })
                .hasMessageContaining("127.0.0.1 port 8080");
        ws2.failNext("bind", WinsockErrors.WSAEACCES);
        assertThatThrownBy(() -> sockets.bind(s, "127.0.0.1", 8080)).hasMessageStartingWith("bind failed: WSAEACCES (10013)");
        long client = sockets.open(Protocol.TCP, Family.IPV4);
        assertThatThrownBy(() -> sockets.connect(client, "127.0.0.1", 1))
                .hasMessageStartingWith("connect failed: WSAECONNREFUSED (10061)");
        ws2.failNext("WSAPoll", WinsockErrors.WSAENOTSOCK);
        assertThatThrownBy(() -> sockets.accept(s, 10)).hasMessageStartingWith("WSAPoll failed: WSAENOTSOCK");
        ws2.failNext("WSASocketW", WinsockErrors.WSAEAFNOSUPPORT);
        assertThatThrownBy(() -> sockets.open(Protocol.UDP, Family.IPV6))
                .hasMessage("WSASocket failed: WSAEAFNOSUPPORT (10047): udp/ipv6");
    }

    @Test
    void optionsWindowsDoesNotHaveAndAddressesThatAreNotLiteralsAreRefusedBeforeAnyCall() throws Exception {
        long s = sockets.open(Protocol.TCP, Family.IPV4);
        int before = ws2.calls.size();
        assertThatThrownBy(() -> sockets.setOption(s, SocketOption.REUSEPORT, true))
                .hasMessageContaining("WSAENOPROTOOPT").hasMessageContaining("does not exist on Windows");
        assertThatThrownBy(() -> sockets.connect(s, "localhost", 80))
                .hasMessageContaining("WSAEINVAL").hasMessageContaining("not an IP address literal");
        assertThat(ws2.calls).hasSize(before);
    }
}
