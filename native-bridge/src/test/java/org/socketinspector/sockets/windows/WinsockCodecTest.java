package org.socketinspector.sockets.windows;

import org.junit.jupiter.api.Test;
import org.socketinspector.model.SocketOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure parts of the Winsock glue: sockaddr bytes, option numbers, error names. */
class WinsockCodecTest {

    @Test
    void sockaddrIn() {
        assertThat(WinSockaddr.of("127.0.0.1", 45111)).containsExactly(
                2, 0, 0xb0, 0x37, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void sockaddrIn6WithScope() {
        byte[] sockaddr = WinSockaddr.of("fe80::1%12", 443);
        assertThat(sockaddr).hasSize(28);
        assertThat(sockaddr).startsWith(23, 0, 0x01, 0xbb, 0, 0, 0, 0, 0xfe, 0x80);
        assertThat(sockaddr[23]).isEqualTo((byte) 1);
        assertThat(java.util.Arrays.copyOfRange(sockaddr, 24, 28)).containsExactly(12, 0, 0, 0);
        assertThat(WinSockaddr.port(sockaddr)).isEqualTo(443);
        assertThat(WinSockaddr.of("::", 0)).containsExactly(new byte[] {23, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    }

    @Test
    void onlyLiteralsAreAcceptedSoNoNameIsEverResolved() {
        assertThatThrownBy(() -> WinSockaddr.of("localhost", 80)).hasMessage("not an IP address literal: localhost");
        assertThatThrownBy(() -> WinSockaddr.of("fe80::1%eth0", 80)).hasMessageContaining("numeric interface indexes");
        assertThatThrownBy(() -> WinSockaddr.of("::1", 70000)).hasMessage("port out of range: 70000");
    }

    @Test
    void optionNumbersAreWinsocks() {
        assertThat(WinsockOptions.levelAndName(SocketOption.REUSEADDR)).containsExactly(0xFFFF, 4);
        assertThat(WinsockOptions.levelAndName(SocketOption.EXCLUSIVEADDRUSE)).containsExactly(0xFFFF, -5);
        assertThat(WinsockOptions.levelAndName(SocketOption.V6ONLY)).containsExactly(41, 27);
        assertThat(WinsockOptions.levelAndName(SocketOption.REUSEPORT)).isNull();
    }

    @Test
    void errorNames() {
        assertThat(WinsockErrors.name(10048)).isEqualTo("WSAEADDRINUSE");
        assertThat(WinsockErrors.name(10013)).isEqualTo("WSAEACCES");
        assertThat(WinsockErrors.name(10093)).isEqualTo("WSANOTINITIALISED");
        assertThat(WinsockErrors.name(42)).isEqualTo("WSA error 42");
    }
}
