package org.socketinspector.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.Scan;
import org.socketinspector.parse.CaptureParser;
import org.socketinspector.parse.CaptureScans;
import org.socketinspector.parse.LinuxNetstatParser;
import org.socketinspector.parse.LsofParser;
import org.socketinspector.parse.SsParser;

/** On the real captures taken at the same moment on this machine (test resources captures/linux). */
class CrossCheckTest {

    @Test
    void ssAndNetstatOfTheSameMomentAgree() throws Exception {
        CrossCheck check = CrossCheck.compare(scan(new SsParser(), "ss-tuanpe.txt"),
                scan(new LinuxNetstatParser(), "netstat-tuanpe.txt"));

        assertThat(check.agrees()).isTrue();
        assertThat(check.describe()).containsExactly("cross-check: ss and netstat see the same sockets");
    }

    @Test
    void lsofDoesNotSeeTheSocketWithoutOwner() throws Exception {
        CrossCheck check = CrossCheck.compare(scan(new SsParser(), "ss-tuanpe.txt"),
                scan(new LsofParser(), "lsof-nP-iTCP-iUDP.txt"));

        assertThat(check.onlyInSecond()).isEmpty();
        assertThat(check.describe()).containsExactly("cross-check: only ss sees tcp 0.0.0.0:2024 LISTEN");
    }

    @Test
    void aMissingConnectionAndDuplicateKeysAreCounted() throws Exception {
        Scan full = scan(new SsParser(), "ss-tuanpe.txt");
        Scan tcpOnly = scan(new SsParser(), "ss-tanp.txt");

        CrossCheck check = CrossCheck.compare(tcpOnly, full);

        // ss -tanp has no UDP: the three UDP sockets are the only differences
        assertThat(check.onlyInFirst()).isEmpty();
        assertThat(check.onlyInSecond()).hasSize(3).allMatch(s -> s.protocol().wireName().equals("udp"));
        assertThat(check.describe()).hasSize(3).allMatch(l -> l.startsWith("cross-check: only ss sees udp "));
        Scan doubled = full.withSockets(concat(full, full));
        assertThat(CrossCheck.compare(doubled, full).onlyInFirst()).hasSize(full.sockets().size());
    }

    private static List<org.socketinspector.model.SocketRecord> concat(Scan a, Scan b) {
        List<org.socketinspector.model.SocketRecord> all = new java.util.ArrayList<>(a.sockets());
        all.addAll(b.sockets());
        return all;
    }

    private static Scan scan(CaptureParser parser, String name) throws Exception {
        String text;
        try (InputStream in = CrossCheckTest.class.getResourceAsStream("/captures/linux/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return CaptureScans.live(parser.parse(text, name), new HostInfo("vm", "linux", null, null, null), Instant.now(),
                true, parser.format().wireName().replace("netstat-linux", "netstat"), List.of(), true);
    }
}
