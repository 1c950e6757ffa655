package org.socketinspector.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socketinspector.model.Family;
import org.socketinspector.model.SocketRecord;

class MacNetstatParserTest {

    private final MacNetstatParser parser = new MacNetstatParser();

    @Test
    void olderVerboseLayoutHasAPidColumn() throws Exception {
        ParsedCapture capture = Captures.parse(parser, "macos/netstat-vnp-tcp-mojave.txt");

        assertThat(capture.os()).isEqualTo("macos");
        assertThat(capture.sockets()).hasSize(7).allMatch(s -> s.pid() == 9811);
        SocketRecord closeWait = Captures.find(capture, "tcp", "192.168.1.191:52040");
        assertThat(closeWait.state()).isEqualTo("CLOSE_WAIT");
        assertThat(closeWait.remoteAddress()).isEqualTo("140.82.114.4");
        assertThat(closeWait.remotePort()).isEqualTo(443);
    }

    @Test
    void tcp46IsADualStackIpv6Socket() throws Exception {
        SocketRecord docker = Captures.parse(parser, "macos/netstat-vanp-tcp-docker-listener.txt").sockets().get(0);

        assertThat(docker.localEndpoint()).isEqualTo("[::]:8082");
        assertThat(docker.family()).isEqualTo(Family.IPV6);
        assertThat(docker.state()).isEqualTo("LISTEN");
        assertThat(docker.pid()).isEqualTo(70902);
        assertThat(docker.options().ipv6Only()).isFalse();
    }

    @Test
    void plainAnHasNoOwnersAndOtherSectionsAreSkipped() throws Exception {
        ParsedCapture capture = Captures.parse(parser, "macos/netstat-an-parse-netstat-doc.txt");

        assertThat(capture.sockets()).hasSize(6).allMatch(s -> s.pid() == null);
        assertThat(Captures.find(capture, "udp", "[::]:52919").state()).isNull();
        assertThat(Captures.find(capture, "udp", "0.0.0.0:0").isListening()).isTrue(); // "*.*": not yet bound
        assertThat(Captures.find(capture, "tcp", "[::]:88").options().ipv6Only()).isNull();
        assertThat(capture.limitations()).anyMatch(l -> l.contains("no pid column"));
    }

    /**
     * Layout test for the newer -v columns (macOS 13+): no published capture was found, so this input is built
     * from the header words only, with the addresses of the real Docker row above. It checks that a process name
     * with a space does not shift the pid.
     */
    @Test
    void newerVerboseLayoutReadsProcessColonPid() throws Exception {
        String text = "Active Internet connections (including servers)\n"
                + "Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)      rxbytes      txbytes"
                + "  rhiwat  shiwat          process:pid    state  options           gencnt    flags   flags1 usecnt rtncnt fltrs\n"
                + "tcp46      0      0  *.8082                 *.*                    LISTEN              0            0"
                + "  131072  131072    Docker Desktop:70902  00100 00000006\n";

        SocketRecord row = parser.parse(text, "layout.txt").sockets().get(0);

        assertThat(row.pid()).isEqualTo(70902);
        assertThat(row.process().name()).isEqualTo("Docker Desktop");
    }
}
