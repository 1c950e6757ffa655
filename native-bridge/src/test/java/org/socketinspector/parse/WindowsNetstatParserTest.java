package org.socketinspector.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.socketinspector.model.Family;
import org.socketinspector.model.SocketRecord;

class WindowsNetstatParserTest {

    private static final String ROW = "^\\s+(TCP|UDP)\\s.*";
    private final WindowsNetstatParser parser = new WindowsNetstatParser();

    @Test
    void englishAnoEveryRowWithPidsIpv6ScopesAndStatelessUdp() throws Exception {
        String name = "windows/en-netstat-ano.txt";
        ParsedCapture capture = Captures.parse(parser, name);

        assertThat(capture.os()).isEqualTo("windows");
        assertThat(capture.sockets()).hasSize((int) Captures.rows(name, ROW));
        SocketRecord rpc = Captures.find(capture, "tcp", "0.0.0.0:135");
        assertThat(rpc.state()).isEqualTo("LISTEN");
        assertThat(rpc.nativeState()).isEqualTo("LISTENING");
        assertThat(rpc.pid()).isEqualTo(1712);
        assertThat(rpc.remoteAddress()).isNull();
        SocketRecord scoped = Captures.find(capture, "udp", "[fe80::244e:2f1e:2096:62b2%9]:1900");
        assertThat(scoped.family()).isEqualTo(Family.IPV6);
        assertThat(scoped.localAddress()).isEqualTo("fe80::244e:2f1e:2096:62b2%9");
        assertThat(scoped.state()).isNull();
        assertThat(scoped.pid()).isEqualTo(8844);
        SocketRecord established = Captures.find(capture, "tcp", "127.0.0.1:1031");
        assertThat(established.state()).isEqualTo("ESTABLISHED");
        assertThat(established.remotePort()).isEqualTo(1032);
        assertThat(capture.sockets()).allMatch(s -> s.options().isUnknown());
        // "Active Connections", the header and blank lines (CRLF kept) are counted, not parsed
        assertThat(capture.limitations()).anyMatch(l -> l.startsWith("ignored ") && l.contains("title/header"));
    }

    @Test
    void anobAttachesServiceAndImageLinesToTheRowAbove() throws Exception {
        String name = "windows/en-netstat-anob.txt";
        ParsedCapture capture = Captures.parse(parser, name);

        assertThat(capture.sockets()).hasSize((int) Captures.rows(name, ROW));
        SocketRecord rpc = Captures.find(capture, "tcp", "0.0.0.0:135");
        assertThat(rpc.process().name()).isEqualTo("svchost.exe");
        assertThat(rpc.process().services()).containsExactly("RpcSs");
        assertThat(Captures.find(capture, "tcp", "0.0.0.0:443").process().name()).isEqualTo("vmware-hostd.exe");
        SocketRecord system = Captures.find(capture, "tcp", "0.0.0.0:445");
        assertThat(system.pid()).isEqualTo(4);
        assertThat(system.process()).isNull();
        long noOwner = Captures.rows(name, "^ Can not obtain ownership information$");
        assertThat(capture.limitations())
                .contains("netstat -b could not obtain the owning executable of " + noOwner + " sockets");
    }

    @Test
    void germanCapturesWithCp850MojibakeStillShowListeners() throws Exception {
        ParsedCapture capture = Captures.parse(parser, "windows/de-netstat-an-lab-report.txt");

        SocketRecord listener = Captures.find(capture, "tcp", "0.0.0.0:135");
        assertThat(listener.state()).isEqualTo("LISTEN");
        assertThat(listener.nativeState()).isEqualTo("ABH™REN");
        assertThat(listener.pid()).isNull(); // -an: no PID column
        assertThat(Captures.find(capture, "tcp", "[::]:3389").state()).isEqualTo("LISTEN");
        assertThat(capture.sockets()).filteredOn(s -> s.localPort() == 51231).first()
                .satisfies(s -> assertThat(s.state()).isEqualTo("TIME_WAIT")); // WARTEND
        assertThat(capture.sockets()).filteredOn(s -> s.localPort() == 51244).first()
                .satisfies(s -> assertThat(s.state()).isEqualTo("CLOSE_WAIT")); // SCHLIESSEN_WARTEN
        assertThat(capture.sockets()).filteredOn(s -> "FIN_WARTEN_2".equals(s.nativeState()))
                .isNotEmpty().allMatch(s -> "FIN_WAIT2".equals(s.state()));
        assertThat(capture.sockets()).filteredOn(s -> "HERGESTELLT".equals(s.nativeState()))
                .isNotEmpty().allMatch(s -> "ESTABLISHED".equals(s.state()));
        assertThat(Captures.find(capture, "udp", "0.0.0.0:123").state()).isNull();
        // the author's "..." elision lines are noise, counted in the limitations
        assertThat(capture.limitations()).anyMatch(l -> l.contains("4 other"));

        SocketRecord flair = Captures.parse(parser, "windows/de-netstat-ano-flair.txt").sockets().get(0);
        assertThat(flair.state()).isEqualTo("LISTEN");
        assertThat(flair.pid()).isEqualTo(4552);
    }

    @Test
    void frenchHeaderWithoutPidLabelStillYieldsThePid() throws Exception {
        SocketRecord smtp = Captures.parse(parser, "windows/fr-netstat-ano-flair.txt").sockets().get(0);

        assertThat(smtp.localEndpoint()).isEqualTo("0.0.0.0:25");
        assertThat(smtp.state()).isEqualTo("LISTEN");
        assertThat(smtp.pid()).isEqualTo(5788);
    }

    @Test
    void spanishNaboWithMangledOwnershipLines() throws Exception {
        String name = "windows/es-netstat-nabo-cp850-mangled.txt";
        ParsedCapture capture = Captures.parse(parser, name);

        assertThat(capture.sockets()).hasSize((int) Captures.rows(name, ROW));
        assertThat(Captures.find(capture, "tcp", "0.0.0.0:135").process().services()).containsExactly("RpcEptMapper");
        assertThat(Captures.find(capture, "udp", "[::]:5355").process().name()).isEqualTo("svchost.exe");
        assertThat(Captures.find(capture, "tcp", "0.0.0.0:445").process()).isNull();
        long noOwner = Captures.rows(name, "^ No se puede obtener informaci¢n de propiedad$");
        assertThat(capture.limitations()).anyMatch(l -> l.contains("executable of " + noOwner + " sockets"));
    }

    @Test
    void russianWithoutMinusNListenersByForeignNameColonZero() throws Exception {
        String name = "windows/ru-netstat-a.txt";
        ParsedCapture capture = Captures.parse(parser, name);

        assertThat(capture.sockets()).hasSize((int) Captures.rows(name, ROW));
        SocketRecord listener = Captures.find(capture, "tcp", "[::]:135");
        assertThat(listener.state()).isEqualTo("LISTEN");
        assertThat(listener.remoteAddress()).isNull();
        SocketRecord named = Captures.find(capture, "tcp", "10.0.2.15:54628");
        assertThat(named.remoteAddress()).isEqualTo("a172-226-117-113");
        assertThat(named.remotePort()).isEqualTo(443); // "https", from the embedded services table
        assertThat(named.names().remoteService()).isEqualTo("https");
        assertThat(Captures.find(capture, "udp", "[fe80::e0aa:34e:fe8c:d651%2]:546").state()).isNull();
        assertThat(capture.limitations()).anyMatch(l -> l.contains("captured without -n"));
    }

    @Test
    void chineseCapturesKeepEnglishStates() throws Exception {
        ParsedCapture listeners = Captures.parse(parser, "windows/zh-netstat-ano.txt");
        assertThat(listeners.sockets()).hasSize(18).allMatch(SocketRecord::isListening);
        ParsedCapture timeWait = Captures.parse(parser, "windows/zh-netstat-ano-time-wait.txt");
        assertThat(timeWait.sockets()).hasSize(2).allMatch(s -> "TIME_WAIT".equals(s.state()) && s.pid() == 0);
    }

    /**
     * Words from the reference's "do not trust" list (invented in other projects' tests, not seen in real
     * captures) used as robustness input: an unknown word never hides a listener, and is kept as-is.
     */
    @Test
    void unknownStateWordsFallBackToTheForeignAddressTest() throws Exception {
        String text = "  TCP    0.0.0.0:3080           0.0.0.0:0              ПРОСЛУШИВАНИЕ   3820\r\n"
                + "  TCP    [::]:3080              [::]:0                 IN ASCOLTO      3820\r\n"
                + "  TCP    127.0.0.1:3080         127.0.0.1:51000        ESTABELECIDA    3820\r\n";

        ParsedCapture capture = parser.parse(text, "robustness.txt");

        assertThat(capture.sockets()).extracting(SocketRecord::state).containsExactly("LISTEN", "LISTEN", null);
        assertThat(capture.sockets()).extracting(SocketRecord::nativeState)
                .containsExactly("ПРОСЛУШИВАНИЕ", "IN ASCOLTO", "ESTABELECIDA");
        assertThat(capture.sockets().get(2).remotePort()).isEqualTo(51000);
        assertThat(capture.limitations()).anyMatch(l -> l.contains("ESTABELECIDA, IN ASCOLTO, ПРОСЛУШИВАНИЕ"));
    }

    @Test
    void aTcpRowWithoutStateIsAnErrorNamingItsLine() {
        String text = "Active Connections\n\n  Proto  Local Address  Foreign Address  State  PID\n"
                + "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1712\n"
                + "  TCP    0.0.0.0:445            0.0.0.0:0\n";

        assertThatThrownBy(() -> parser.parse(text, "cut.txt"))
                .isInstanceOf(CaptureParseException.class)
                .hasMessageStartingWith("cut.txt:5: expected a state after the foreign address of a TCP row");
    }
}
