package org.socketinspector.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.input.BoundedInput;
import org.socketinspector.input.InputLimits;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;

/**
 * Every Linux variant captured in a network namespace (captures/variants/capture-variants.sh) and the BSD and
 * Windows variants written from their tools' source, read through the streaming import; expected sockets by hand.
 */
class CaptureVariantsTest {

    /** The listeners of listeners-ns.py with numbers (-n). */
    private static final List<String> NUMERIC = List.of(
            "tcp 0.0.0.0:22", "tcp 127.0.0.1:631", "tcp [::1]:631", "tcp [::]:80", "tcp 127.0.0.1:25",
            "tcp 192.0.2.5:443", "tcp 127.0.0.1:47101", "udp 0.0.0.0:53", "udp 127.0.0.1:5353", "udp [::]:123");

    /** The same listeners as net-tools prints them without -n: names, cut to its 23-character column. */
    private static final List<String> NETSTAT_NAMES = List.of(
            "tcp localhost.localdom:25 unknown cut", "tcp 0.0.0.0:22", "tcp localhost.localdoma:631 unknown cut",
            "tcp web01.example.int:443 unknown cut", "tcp localhost.localdo:47101 unknown cut", "tcp [::]:80",
            "tcp [::1]:631", "udp 0.0.0.0:53", "udp localhost.localdom:5353 unknown cut", "udp [::]:123");

    /** Names without a cut (lsof, ss -r, netstat -W). */
    private static final List<String> WHOLE_NAMES = List.of(
            "tcp 0.0.0.0:22", "tcp 127.0.0.1:631", "tcp [::1]:631", "tcp [::]:80", "tcp 127.0.0.1:25",
            "tcp web01.example.internal:443 unknown", "tcp 127.0.0.1:47101", "udp 0.0.0.0:53", "udp 127.0.0.1:5353",
            "udp [::]:123");

    @Test
    void linuxNetstatWithAndWithoutNumbersOwnersAndUsers() throws Exception {
        for (String name : List.of("netstat-tua.txt", "netstat-tul.txt", "netstat-tuap.txt", "netstat-tuae.txt",
                "netstat-tuaee.txt")) {
            assertThat(listeners(name)).as(name).containsExactlyInAnyOrderElementsOf(NETSTAT_NAMES);
            assertThat(read(name).scan().skipped()).as(name).isEmpty();
        }
        assertThat(listeners("netstat-tuan.txt")).containsExactlyInAnyOrderElementsOf(NUMERIC);
        assertThat(listeners("netstat-tuanpeeW.txt")).containsExactlyInAnyOrderElementsOf(NUMERIC);
        assertThat(listeners("netstat-tuaW.txt")).containsExactlyInAnyOrderElementsOf(WHOLE_NAMES);

        SocketRecord ssh = find("netstat-tuap.txt", "tcp 0.0.0.0:22");
        assertThat(ssh.pid()).isEqualTo(7839);
        assertThat(ssh.names().localService()).isEqualTo("ssh");
        assertThat(ssh.names().localAddressUnknown()).isFalse();
        SocketRecord smtp = find("netstat-tuae.txt", "tcp localhost.localdom:25 unknown cut");
        assertThat(smtp.process().user()).isEqualTo("root");
        assertThat(smtp.uid()).isZero();
        assertThat(smtp.inode()).isEqualTo(1107671L);
        assertThat(smtp.names().localHost()).isEqualTo("localhost.localdom");
        SocketRecord ipp6 = find("netstat-tua.txt", "tcp [::1]:631");
        assertThat(ipp6.names().localHost()).isEqualTo("ip6-localhost");
    }

    @Test
    void ssWithAndWithoutNumbersHostNamesOwnersAndExtendedInfo() throws Exception {
        for (String name : List.of("ss-tua.txt", "ss-tuan.txt", "ss-tuap.txt", "ss-tuane.txt", "ss-tuanpeO.txt")) {
            assertThat(listeners(name)).as(name).containsExactlyInAnyOrderElementsOf(NUMERIC);
            assertThat(read(name).scan().skipped()).as(name).isEmpty();
        }
        assertThat(listeners("ss-tuar.txt")).containsExactlyInAnyOrderElementsOf(WHOLE_NAMES);
        assertThat(listeners("ss-tl.txt")).containsExactlyInAnyOrder("tcp 127.0.0.1:25", "tcp 0.0.0.0:22",
                "tcp 127.0.0.1:631", "tcp 192.0.2.5:443", "tcp 127.0.0.1:47101", "tcp [::]:80", "tcp [::1]:631");
        assertThat(listeners("ss-t.txt")).isEmpty(); // without -a: connections only
        assertThat(all("ss-t.txt")).containsExactlyInAnyOrder("tcp 127.0.0.1:22", "tcp 127.0.0.1:38768");
        SocketRecord dual = find("ss-tuanpeO.txt", "tcp [::]:80");
        assertThat(dual.options().ipv6Only()).isFalse();
        assertThat(dual.pid()).isEqualTo(7839);
        SocketRecord established = read("ss-tua.txt").scan().sockets().stream().findFirst().orElseThrow();
        assertThat(established).isNotNull();
        SocketRecord peer = allRecords("ss-tua.txt").stream().filter(s -> s.localPort() == 38768).findFirst().orElseThrow();
        assertThat(peer.remotePort()).isEqualTo(22);
        assertThat(peer.names().remoteService()).isEqualTo("ssh");
    }

    @Test
    void lsofWithAndWithoutNumbers() throws Exception {
        for (String name : List.of("lsof-i.txt", "lsof-i-P.txt")) {
            assertThat(listeners(name)).as(name).containsExactlyInAnyOrderElementsOf(WHOLE_NAMES);
        }
        for (String name : List.of("lsof-i-n.txt", "lsof-i-nP.txt")) {
            assertThat(listeners(name)).as(name).containsExactlyInAnyOrderElementsOf(NUMERIC);
        }
        SocketRecord web = find("lsof-i.txt", "tcp web01.example.internal:443 unknown");
        assertThat(web.names().localService()).isEqualTo("https");
        assertThat(web.process().name()).isEqualTo("python3");
    }

    @Test
    void netstatFollowedByLsofIsReadAsTwoSectionsAndSaysWhere() throws Exception {
        CaptureScans.Imported imported = read("mixed-netstat-then-lsof.txt");
        assertThat(imported.scan().limitations())
                .contains("line 15: the output of lsof starts here and was read as such");
        // each listener twice: once from netstat -tuan, once from lsof -i -nP
        List<String> keys = listeners("mixed-netstat-then-lsof.txt");
        assertThat(keys).hasSize(2 * NUMERIC.size());
        assertThat(keys.stream().distinct().toList()).containsExactlyInAnyOrderElementsOf(NUMERIC);
        assertThat(imported.scan().skipped()).isEmpty();
    }

    @Test
    void badRowsAreSkippedWithLineAndReasonAndStrictRefusesTheFile() throws Exception {
        CaptureScans.Imported imported = read("windows-ano-hand-edited-ipv6.txt");
        assertThat(imported.scan().skipped()).singleElement().satisfies(s -> {
            assertThat(s.line()).isEqualTo(7);
            assertThat(s.reason()).isEqualTo("expected an IP address or host name in the local address (2nd column)");
            assertThat(s.text()).contains("fe80::asda:4124:2096:62b2%9");
        });
        assertThat(imported.scan().limitations())
                .contains("1 line that should have been a socket could not be read and was skipped (listed in skipped)");
        assertThat(listeners("windows-ano-hand-edited-ipv6.txt")).containsExactlyInAnyOrder(
                "tcp 0.0.0.0:135", "tcp 0.0.0.0:445", "tcp [::]:135", "udp 0.0.0.0:5353");
        Path file = resource("windows-ano-hand-edited-ipv6.txt");
        try (BoundedInput input = BoundedInput.open(file, InputLimits.DEFAULT)) {
            assertThatThrownBy(() -> CaptureScans.read(input, null, true, false, "h", null))
                    .isInstanceOf(CaptureParseException.class)
                    .hasMessageStartingWith(file + ":7: expected an IP address or host name");
        }
    }

    @Test
    void bsdNetstatVariantsOfMacosAndFreebsd() throws Exception {
        CaptureScans.Imported freebsdA = read("freebsd-netstat-Aa.txt");
        assertThat(freebsdA.format()).isEqualTo(CaptureFormat.NETSTAT_FREEBSD);
        assertThat(freebsdA.scan().host().os()).isEqualTo("freebsd");
        assertThat(listeners("freebsd-netstat-Aa.txt")).containsExactlyInAnyOrder(
                "tcp 0.0.0.0:22", "tcp [::]:22", "tcp 127.0.0.1:25", "tcp 192.168.1.5:22", "udp 0.0.0.0:514",
                "udp [::]:514");
        assertThat(listeners("freebsd-netstat-a.txt")).containsExactlyInAnyOrder(
                "tcp 0.0.0.0:22", "tcp [::]:22", "tcp 127.0.0.1:25", "tcp 192.168.1.5:22", "udp 0.0.0.0:514",
                "udp [::]:514", "tcp fbsd14.example.o:80 unknown cut");
        assertThat(listeners("freebsd-netstat-x.txt")).containsExactlyInAnyOrder(
                "tcp 0.0.0.0:22", "tcp 127.0.0.1:25", "udp 0.0.0.0:514");
        assertThat(listeners("freebsd-netstat-T.txt")).containsExactlyInAnyOrder(
                "tcp 0.0.0.0:22", "tcp 127.0.0.1:25", "udp 0.0.0.0:514");
        assertThat(read("freebsd-netstat-x.txt").format()).isEqualTo(CaptureFormat.NETSTAT_FREEBSD);
        // macOS names port 5000 commplex-main (its /etc/services is IANA's): Debian's table lacks it, IANA's has it
        assertThat(listeners("macos-netstat-a.txt")).containsExactlyInAnyOrder(
                "tcp 0.0.0.0:5000", "tcp [::]:22", "tcp 0.0.0.0:22", "tcp 127.0.0.1:631", "tcp [::1]:631",
                "udp 0.0.0.0:5353", "udp [::]:5353");
        CaptureScans.Imported macos = read("macos-netstat-a.txt");
        assertThat(macos.format()).isEqualTo(CaptureFormat.NETSTAT_MACOS);
        assertThat(macos.scan().skipped()).isEmpty();
        assertThat(find("macos-netstat-a.txt", "tcp 0.0.0.0:5000").names().localService()).isEqualTo("commplex-main");
        assertThat(listeners("macos-netstat-Abn.txt")).containsExactlyInAnyOrder(
                "tcp [::]:22", "tcp 0.0.0.0:22", "tcp 127.0.0.1:631", "udp 0.0.0.0:5353");
        for (String name : List.of("freebsd-netstat-Aa.txt", "freebsd-netstat-a.txt", "freebsd-netstat-x.txt",
                "freebsd-netstat-T.txt", "macos-netstat-Abn.txt")) {
            assertThat(read(name).scan().skipped()).as(name).isEmpty();
        }
    }

    /**
     * FreeBSD 14 {@code netstat -anP} (written from inet.c's protopr(): " Log ID" after the 11-wide state header, the
     * TCP log id or "-" after each TCP state, nothing more on UDP rows). Its header alone says FreeBSD.
     */
    @Test
    void freebsdLogIdColumnIsReadAndDetected() throws Exception {
        CaptureScans.Imported imported = read("freebsd-netstat-anP.txt");

        assertThat(imported.format()).isEqualTo(CaptureFormat.NETSTAT_FREEBSD);
        assertThat(imported.scan().host().os()).isEqualTo("freebsd");
        assertThat(imported.scan().skipped()).isEmpty();
        assertThat(listeners("freebsd-netstat-anP.txt")).containsExactly(
                "tcp 192.168.1.5:22", "tcp 127.0.0.1:25", "tcp [::]:443", "tcp 0.0.0.0:443", "tcp 0.0.0.0:22",
                "udp 0.0.0.0:514", "udp [::1]:53");
        assertThat(allRecords("freebsd-netstat-anP.txt").get(1).state()).isEqualTo("LISTEN"); // "LISTEN      -"
        SocketRecord session = allRecords("freebsd-netstat-anP.txt").get(0);
        assertThat(session.state()).isEqualTo("ESTABLISHED");
        assertThat(session.remoteAddress()).isEqualTo("192.168.1.20");
        assertThat(session.remotePort()).isEqualTo(50412);
        assertThat(session.nativeState()).isEqualTo("ESTABLISHED"); // not the log id after it
        assertThat(allRecords("freebsd-netstat-anP.txt")).hasSize(8);
    }

    /** A name in neither embedded table (one the capturing machine's administrator added) is a skipped line. */
    @Test
    void aServiceNameInNeitherTableIsASkippedLineWithItsReason() throws Exception {
        Path file = Files.createTempFile("macos-own-services", ".txt");
        try {
            Files.writeString(file, "Active Internet connections (including servers)\n"
                    + "Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)    \n"
                    + "tcp4       0      0  *.commplex-main        *.*                    LISTEN     \n"
                    + "tcp4       0      0  *.corp-admin           *.*                    LISTEN     \n");
            try (BoundedInput input = BoundedInput.open(file, InputLimits.DEFAULT)) {
                Scan scan = CaptureScans.read(input, null, false, false, "h", null).scan();
                assertThat(scan.sockets()).extracting(CaptureVariantsTest::key).containsExactly("tcp 0.0.0.0:5000");
                assertThat(scan.skipped()).singleElement().satisfies(s -> {
                    assertThat(s.line()).isEqualTo(4);
                    assertThat(s.reason()).startsWith("unknown service name \"corp-admin\" as the port");
                    assertThat(s.text()).contains("*.corp-admin");
                });
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void windowsWithoutNumbersKeepsServiceNames() throws Exception {
        assertThat(listeners("windows-a-names.txt")).containsExactlyInAnyOrder(
                "tcp 0.0.0.0:135", "tcp 0.0.0.0:445", "tcp 192.168.1.20:139", "tcp [::]:135", "udp 0.0.0.0:5353",
                "udp 127.0.0.1:1900");
        SocketRecord epmap = find("windows-a-names.txt", "tcp 0.0.0.0:135");
        assertThat(epmap.names().localService()).isEqualTo("epmap");
    }

    @Test
    void oneBadByteInAUtf8CaptureStaysUtf8() throws Exception {
        Path file = Files.createTempFile("ss-bad-byte", ".txt");
        try {
            String head = "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n"
                    + "tcp   LISTEN 0      5      0.0.0.0:22 0.0.0.0:* users:((\"café\",pid=10,fd=3))\n";
            byte[] bad = "tcp   LISTEN 0      5      0.0.0.0:23 0.0.0.0:* users:((\"ev\u0000l\",pid=11,fd=3))\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < bad.length; i++) {
                if (bad[i] == 0) {
                    bad[i] = (byte) 0xFF; // the NUL becomes one invalid byte in an attacker's process name
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.write(bad);
            Files.write(file, out.toByteArray());
            try (BoundedInput input = BoundedInput.open(file, InputLimits.DEFAULT)) {
                CaptureScans.Imported imported = CaptureScans.read(input, null, false, false, "h", null);
                assertThat(imported.charset()).isEqualTo(java.nio.charset.StandardCharsets.UTF_8);
                assertThat(imported.scan().sockets()).extracting(s -> s.process().name())
                        .containsExactly("café", "ev\uFFFDl");
                assertThat(imported.scan().limitations()).contains(
                        "1 line has bytes that are not valid UTF-8, shown as U+FFFD (line 3)");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static SocketRecord find(String name, String key) throws Exception {
        return allRecords(name).stream().filter(s -> key(s).equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " in " + name));
    }

    private static List<String> listeners(String name) throws Exception {
        return read(name).scan().sockets().stream().map(CaptureVariantsTest::key).toList();
    }

    private static List<String> all(String name) throws Exception {
        return allRecords(name).stream().map(CaptureVariantsTest::key).toList();
    }

    private static List<SocketRecord> allRecords(String name) throws Exception {
        try (BoundedInput input = BoundedInput.open(resource(name), InputLimits.DEFAULT)) {
            return CaptureScans.read(input, null, false, true, "h", null).scan().sockets();
        }
    }

    /** "tcp 127.0.0.1:25", plus " unknown" for a name kept as the address and " cut" for a name the tool cut. */
    static String key(SocketRecord s) {
        String key = s.protocol().wireName() + " " + s.localEndpoint();
        if (s.isAddressUnknown()) {
            key += " unknown";
        }
        if (s.names() != null && s.names().truncated()) {
            key += " cut";
        }
        return key;
    }

    private static CaptureScans.Imported read(String name) throws Exception {
        try (BoundedInput input = BoundedInput.open(resource(name), InputLimits.DEFAULT)) {
            return CaptureScans.read(input, null, false, false, "h", null);
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CaptureVariantsTest.class.getResource("/captures/variants/" + name).toURI());
    }
}
