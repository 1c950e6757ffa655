package org.socketinspector.sockets.windows;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Native;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socketinspector.nativeio.windows.JobObjects;
import org.socketinspector.nativeio.windows.WindowsProcessControl;
import org.socketinspector.windows.TableKind;

/**
 * The constants and layouts the Windows mappings hard-code, against what the real Windows headers say:
 * windows-headers/facts-x86_64.properties is the output of src/test/c/windows-header-facts.c, built with mingw-w64
 * and run under Wine (see windows-header-facts.sh). Layouts are compared on a 64-bit JVM, the one that file is for.
 */
class WindowsHeaderFactsTest {

    private static Properties facts;

    @BeforeAll
    static void load() throws IOException {
        facts = new Properties();
        try (InputStream in = WindowsHeaderFactsTest.class.getResourceAsStream("/windows-headers/facts-x86_64.properties")) {
            facts.load(in);
        }
    }

    private static long fact(String name) {
        String value = facts.getProperty(name);
        assertThat(value).as("fact %s", name).isNotNull();
        return Long.parseLong(value);
    }

    @Test
    void winsockConstants() {
        Map<String, Integer> java = Map.ofEntries(
                Map.entry("AF_INET", WinSockaddr.AF_INET), Map.entry("AF_INET6", WinSockaddr.AF_INET6),
                Map.entry("SOCK_STREAM", Ws2_32.SOCK_STREAM), Map.entry("SOCK_DGRAM", Ws2_32.SOCK_DGRAM),
                Map.entry("IPPROTO_TCP", Ws2_32.IPPROTO_TCP), Map.entry("IPPROTO_UDP", Ws2_32.IPPROTO_UDP),
                Map.entry("IPPROTO_IPV6", Ws2_32.IPPROTO_IPV6), Map.entry("IPV6_V6ONLY", Ws2_32.IPV6_V6ONLY),
                Map.entry("SOL_SOCKET", Ws2_32.SOL_SOCKET), Map.entry("SO_REUSEADDR", Ws2_32.SO_REUSEADDR),
                Map.entry("SO_EXCLUSIVEADDRUSE", Ws2_32.SO_EXCLUSIVEADDRUSE),
                Map.entry("SO_ACCEPTCONN", Ws2_32.SO_ACCEPTCONN), Map.entry("SOCKET_ERROR", Ws2_32.SOCKET_ERROR),
                Map.entry("WSA_FLAG_NO_HANDLE_INHERIT", Ws2_32.WSA_FLAG_NO_HANDLE_INHERIT),
                Map.entry("POLLRDNORM", (int) Ws2_32.POLLRDNORM),
                Map.entry("WSAEACCES", WinsockErrors.WSAEACCES), Map.entry("WSAEINVAL", WinsockErrors.WSAEINVAL),
                Map.entry("WSAENOPROTOOPT", WinsockErrors.WSAENOPROTOOPT),
                Map.entry("WSAEWOULDBLOCK", WinsockErrors.WSAEWOULDBLOCK),
                Map.entry("WSAEADDRINUSE", WinsockErrors.WSAEADDRINUSE),
                Map.entry("WSAEADDRNOTAVAIL", WinsockErrors.WSAEADDRNOTAVAIL),
                Map.entry("WSAECONNRESET", WinsockErrors.WSAECONNRESET), Map.entry("WSAENOTCONN", WinsockErrors.WSAENOTCONN),
                Map.entry("WSAETIMEDOUT", WinsockErrors.WSAETIMEDOUT),
                Map.entry("WSAECONNREFUSED", WinsockErrors.WSAECONNREFUSED));
        java.forEach((name, value) -> assertThat((long) value).as(name).isEqualTo(fact(name)));
    }

    @Test
    void jobObjectConstants() {
        assertThat((long) JobObjects.JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS)
                .isEqualTo(fact("JobObjectExtendedLimitInformation"));
        assertThat((long) JobObjects.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE)
                .isEqualTo(fact("JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE"));
        assertThat((long) JobObjects.PROCESS_TERMINATE).isEqualTo(fact("PROCESS_TERMINATE"));
        assertThat((long) JobObjects.PROCESS_SET_QUOTA).isEqualTo(fact("PROCESS_SET_QUOTA"));
        assertThat((long) JobObjects.LIMIT_FLAGS_OFFSET)
                .isEqualTo(fact("offsetof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION.BasicLimitInformation.LimitFlags)"));
    }

    @Test
    void layoutsOn64Bit() {
        Assumptions.assumeTrue(Native.POINTER_SIZE == 8, "the stored facts are for 64-bit Windows");
        assertThat((long) WsaPollFd.SIZE).isEqualTo(fact("sizeof(WSAPOLLFD)"));
        assertThat((long) WsaPollFd.EVENTS_OFFSET).isEqualTo(fact("offsetof(WSAPOLLFD.events)"));
        assertThat((long) WsaPollFd.REVENTS_OFFSET).isEqualTo(fact("offsetof(WSAPOLLFD.revents)"));
        assertThat(fact("sizeof(WSADATA)")).isLessThanOrEqualTo(512); // WinsockSockets passes a 512-byte buffer
        assertThat((long) WinSockaddr.SOCKADDR_IN_SIZE).isEqualTo(fact("sizeof(sockaddr_in)"));
        assertThat((long) WinSockaddr.SOCKADDR_IN6_SIZE).isEqualTo(fact("sizeof(sockaddr_in6)"));
        assertThat(fact("offsetof(sockaddr_in.sin_port)")).isEqualTo(2);
        assertThat(fact("offsetof(sockaddr_in.sin_addr)")).isEqualTo(4);
        assertThat(fact("offsetof(sockaddr_in6.sin6_port)")).isEqualTo(2);
        assertThat(fact("offsetof(sockaddr_in6.sin6_addr)")).isEqualTo(8);
        assertThat(fact("offsetof(sockaddr_in6.sin6_scope_id)")).isEqualTo(24);
        assertThat((long) WindowsProcessControl.extendedLimitInformationSize())
                .isEqualTo(fact("sizeof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION)"));
        assertThat((long) TableKind.TCP4_ALL.rowSize()).isEqualTo(fact("sizeof(MIB_TCPROW_OWNER_PID)"));
        assertThat((long) TableKind.TCP6_ALL.rowSize()).isEqualTo(fact("sizeof(MIB_TCP6ROW_OWNER_PID)"));
        assertThat((long) TableKind.UDP4.rowSize()).isEqualTo(fact("sizeof(MIB_UDPROW_OWNER_PID)"));
        assertThat((long) TableKind.UDP6.rowSize()).isEqualTo(fact("sizeof(MIB_UDP6ROW_OWNER_PID)"));
    }
}
