package org.socketinspector.sockets.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.sockets.NativeSocketException;
import org.socketinspector.model.SocketOption;
import org.socketinspector.testing.WindowsTest;

/** Real Winsock on loopback: the calls the lab experiments make. Runs in CI's Windows job. */
@EnabledOnOs(OS.WINDOWS)
@WindowsTest
class WinsockSocketsLiveTest {

    private final WinsockSockets sockets = new WinsockSockets();

    @Test
    void aTaggedConnectionOnLoopback() throws Exception {
        long listener = sockets.open(Protocol.TCP, Family.IPV6);
        try {
            sockets.setOption(listener, SocketOption.V6ONLY, false);
            sockets.bind(listener, "::", 0);
            sockets.listen(listener, 8);
            assertThat(sockets.isListening(listener)).isTrue();
            int port = sockets.localPort(listener);
            assertThat(sockets.accept(listener, 50)).as("nobody connected yet").isEqualTo(-1);

            long client = sockets.open(Protocol.TCP, Family.IPV4); // dual-stack listener: IPv4 reaches it too
            sockets.connect(client, "127.0.0.1", port);
            sockets.send(client, "7\n".getBytes(StandardCharsets.US_ASCII), null, 0);
            long connection = sockets.accept(listener, 2000);
            assertThat(connection).isNotNegative();
            assertThat(new String(sockets.receive(connection, 16, 2000), StandardCharsets.US_ASCII)).isEqualTo("7\n");
            sockets.close(client);
            assertThat(sockets.receive(connection, 16, 2000)).as("after the client closed").isEmpty();
            sockets.close(connection);
        } finally {
            sockets.close(listener);
        }
    }

    @Test
    void aDatagramOnLoopback() throws Exception {
        long receiver = sockets.open(Protocol.UDP, Family.IPV6);
        long sender = sockets.open(Protocol.UDP, Family.IPV6);
        try {
            sockets.bind(receiver, "::1", 0);
            assertThat(sockets.isListening(receiver)).isFalse();
            assertThat(sockets.receive(receiver, 16, 20)).isNull();
            sockets.send(sender, "9\n".getBytes(StandardCharsets.US_ASCII), "::1", sockets.localPort(receiver));
            assertThat(new String(sockets.receive(receiver, 16, 2000), StandardCharsets.US_ASCII)).isEqualTo("9\n");
        } finally {
            sockets.close(sender);
            sockets.close(receiver);
        }
    }

    @Test
    void anExclusiveSocketRefusesAReuseaddrCoBind() throws Exception {
        long first = sockets.open(Protocol.TCP, Family.IPV4);
        long second = sockets.open(Protocol.TCP, Family.IPV4);
        try {
            sockets.setOption(first, SocketOption.EXCLUSIVEADDRUSE, true);
            sockets.bind(first, "127.0.0.1", 0);
            sockets.listen(first, 4);
            sockets.setOption(second, SocketOption.REUSEADDR, true);
            int port = sockets.localPort(first);
            assertThatThrownBy(() -> sockets.bind(second, "127.0.0.1", port))
                    .isInstanceOfSatisfying(NativeSocketException.class,
                            e -> assertThat(e.errorName()).isEqualTo("WSAEACCES"));
        } finally {
            sockets.close(second);
            sockets.close(first);
        }
    }
}
