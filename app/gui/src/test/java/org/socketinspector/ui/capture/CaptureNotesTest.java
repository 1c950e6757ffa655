package org.socketinspector.ui.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.rules.Audit;

/** The capture tab's notes on real captures: the loader, then the words the tab shows. */
class CaptureNotesTest {

    private static final Path VARIANTS = Path.of("../../native-bridge/src/test/resources/captures/variants");

    @TempDir
    Path dir;

    @Test
    void skippedLinesAreListedWithNumberReasonAndText() throws Exception {
        Audit audit = new CaptureLoader(scan -> List.of()).load(VARIANTS.resolve("windows-ano-hand-edited-ipv6.txt"));
        assertThat(CaptureNotes.skipped(audit.scan())).containsExactly("line 7: skipped: expected an IP address or host"
                + " name in the local address (2nd column) — TCP    [fe80::asda:4124:2096:62b2%9]:49664  [::]:0   LISTENING"
                + "       812");
        assertThat(CaptureNotes.unresolved(audit.scan())).isEmpty();
    }

    @Test
    void namesThatAreNoAddressAreMarkedAndCutOnesSaySo() throws Exception {
        Audit audit = new CaptureLoader(scan -> List.of()).load(VARIANTS.resolve("netstat-tua.txt"));
        assertThat(CaptureNotes.unresolved(audit.scan())).contains(
                "web01.example.int:443 (tcp): address unknown (name in capture), cut to the tool's column",
                "localhost.localdom:5353 (udp): address unknown (name in capture), cut to the tool's column");
        assertThat(CaptureNotes.skipped(audit.scan())).isEmpty();
    }

    @Test
    void aHostileLineCannotForgeMoreLines() throws Exception {
        Path file = dir.resolve("evil.txt");
        Files.writeString(file, "Netid State Recv-Q Send-Q Local Address:Port Peer Address:Port\n"
                + "tcp LISTEN 0 5 0.0.0.0:22 0.0.0.0:*\n"
                + "tcp LISTEN 0 5 no\u0007pe:22 0.0.0.0:*\n");
        Audit audit = new CaptureLoader(scan -> List.of()).load(file);
        assertThat(CaptureNotes.skipped(audit.scan())).singleElement()
                .satisfies(line -> assertThat(line).contains("\\x07").doesNotContain("\u0007"));
    }
}
