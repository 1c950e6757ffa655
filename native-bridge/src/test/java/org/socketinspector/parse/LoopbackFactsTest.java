package org.socketinspector.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What localhost resolves to, from hosts files and gai.conf as distributions ship them. */
class LoopbackFactsTest {

    private static final String DEBIAN = """
            127.0.0.1	localhost
            127.0.1.1	box.example	box

            # The following lines are desirable for IPv6 capable hosts
            ::1     localhost ip6-localhost ip6-loopback
            ff02::1 ip6-allnodes
            """;

    @Test
    void rfc6724PutsTheIpv6LoopbackFirstByDefault() {
        assertEquals(List.of("::1", "127.0.0.1"), LoopbackFacts.localhost(DEBIAN, ""));
        assertEquals(List.of("::1", "127.0.0.1"), LoopbackFacts.localhost(DEBIAN, "# precedence ::ffff:0:0/96 100\n"));
    }

    @Test
    void gaiConfPreferringIpv4PutsItFirst() {
        // The line Debian's gai.conf offers "for sites which prefer IPv4 connections".
        assertEquals(List.of("127.0.0.1", "::1"), LoopbackFacts.localhost(DEBIAN, "precedence ::ffff:0:0/96  100\n"));
    }

    @Test
    void aHostsFileWithOnlyIpv4ResolvesThereOnly() {
        assertEquals(List.of("127.0.0.1"), LoopbackFacts.localhost("127.0.0.1 localhost\n127.0.0.1 vm\n", ""));
        assertEquals(List.of(), LoopbackFacts.localhost("10.0.0.1 db\n", ""));
        assertEquals(List.of("::1"), LoopbackFacts.localhost("0:0:0:0:0:0:0:1 LOCALHOST # comment\n", ""));
    }

    @Test
    void ipv6LoopbackNeedsIpv6OnAndTheAddressOnLo() {
        String ifInet6 = "00000000000000000000000000000001 01 80 10 80       lo\n";
        assertTrue(LoopbackFacts.ipv6Loopback(ifInet6, "0", "0"));
        assertFalse(LoopbackFacts.ipv6Loopback(ifInet6, "1", "0"));
        assertFalse(LoopbackFacts.ipv6Loopback(ifInet6, "0", "1"));
        assertFalse(LoopbackFacts.ipv6Loopback("fe800000000000000000000000000001 02 40 20 80 eth0\n", "0", "0"));
        assertFalse(LoopbackFacts.ipv6Loopback(null, null, null));
    }
}
