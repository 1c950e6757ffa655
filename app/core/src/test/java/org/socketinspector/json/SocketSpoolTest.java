package org.socketinspector.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.socketinspector.testing.HostileUser;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import org.socketinspector.input.BoundedInput;
import org.socketinspector.input.InputLimits;
import org.socketinspector.model.Family;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.parse.CaptureScans;

/** The spool of a streamed import gives back every socket in order, and the streamed JSON is the whole scan's text. */
class SocketSpoolTest {

    private static final Path CAPTURES = Path.of("../../native-bridge/src/test/resources/captures");

    static Stream<Path> captures() throws Exception {
        try (Stream<Path> files = Files.walk(CAPTURES)) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList().stream();
        }
    }

    /** Every real capture, its sockets in memory (10,000) and spilled to the file after the second one. */
    @ParameterizedTest
    @MethodSource("captures")
    void streamedJsonIsTheWholeScansTextSpilledOrNot(Path capture) throws Exception {
        Scan whole;
        Scan head;
        try (SocketSpool small = new SocketSpool(2); SocketSpool large = new SocketSpool()) {
            try (BoundedInput input = BoundedInput.open(capture, InputLimits.DEFAULT)) {
                whole = CaptureScans.read(input, null, false, true, "h", null).scan();
            }
            try (BoundedInput input = BoundedInput.open(capture, InputLimits.DEFAULT)) {
                head = CaptureScans.read(input, null, false, true, "h", null, s -> {
                    small.accept(s);
                    large.accept(s);
                }).scan();
            }
            assertThat(head.sockets()).isEmpty();
            assertThat(small.spilled()).isEqualTo(whole.sockets().size() > 2);
            assertThat(large.spilled()).isFalse();
            String expected = text(whole, whole.sockets());
            assertThat(text(head, small)).isEqualTo(expected);
            assertThat(text(head, large)).isEqualTo(expected);
            assertThat(list(small)).isEqualTo(whole.sockets()); // read back a second time, in the same order
        }
    }

    @TempDir
    Path tmp;

    @Test
    void aProcessNameWithLineBreaksStaysOneSocketAndTheFileHasNoName() throws Exception {
        SocketRecord odd = new SocketRecord(Protocol.TCP, Family.IPV4, "127.0.0.1", 80, null, null, "LISTEN", "LISTEN",
                7, ProcessInfo.named("ev\nil\r\u0085\u2028x"), null, null, null, null);
        SocketRecord plain = new SocketRecord(Protocol.UDP, Family.IPV6, "::", 53, null, null, null, null, null, null,
                null, 9L, null, null);
        SocketSpool spool = new SocketSpool(0, tmp);
        spool.accept(odd);
        spool.accept(plain);
        spool.accept(odd);
        assertThat(spool.spilled()).isTrue();
        assertThat(spool.count()).isEqualTo(3);
        assertThat(list(spool)).containsExactly(odd, plain, odd);
        assertThat(list(spool)).containsExactly(odd, plain, odd); // read back twice, the writer still open
        spool.accept(plain);
        assertThat(list(spool)).containsExactly(odd, plain, odd, plain);
        spool.close();
        assertThat(spool.file()).doesNotExist();
        assertThat(namesIn(tmp)).isEmpty();
    }

    /**
     * Issue 18, defect 2: the import spool held root's whole capture in a 0644 file of /tmp, and SIGKILL left it
     * there (20-160 MB each). Now it has no name while it is written, so neither another user nor a kill can keep it.
     */
    @Test
    void whileSpilledTheSpoolHasNoNameAnotherUserCouldOpenOrAKillCouldLeave() throws Exception {
        try (SocketSpool spool = new SocketSpool(0, tmp)) {
            spool.accept(new SocketRecord(Protocol.TCP, Family.IPV4, "127.0.0.1", 80, null, null, "LISTEN",
                    "LISTEN", 7, ProcessInfo.named("secret --password=hunter2"), null, null, null, null));
            assertThat(spool.spilled()).isTrue();
            assertThat(spool.file()).doesNotExist();
            assertThat(namesIn(tmp)).isEmpty();
            assertThat(list(spool)).hasSize(1);
        }
    }

    @Test
    void staleSpoolsOfOursOlderThanADayAreRemovedWhenASpoolStarts() throws Exception {
        assumeTrue(org.socketinspector.output.SafeFile.NATIVE, "Linux only (the removal goes through a folder descriptor)");
        Path old = aged(Files.writeString(tmp.resolve("socket-inspector-import-4711.jsonl"), "{}\n"), Duration.ofDays(2));
        Path oldFolder = aged(Files.createDirectory(tmp.resolve("socket-inspector-spool-4712")), Duration.ofDays(2));
        Path young = aged(Files.writeString(tmp.resolve("socket-inspector-import-4713.jsonl"), "{}\n"), Duration.ofHours(1));
        Path unrelated = aged(Files.writeString(tmp.resolve("notes-4711.jsonl"), "{}\n"), Duration.ofDays(9));
        Path notOurs = null;
        if (HostileUser.isRoot()) {
            notOurs = aged(Files.writeString(tmp.resolve("socket-inspector-import-4714.jsonl"), "{}\n"),
                    Duration.ofDays(3));
            Files.setAttribute(notOurs, "unix:uid", HostileUser.UID);
        }
        try (SocketSpool spool = new SocketSpool(0, tmp)) {
            spool.accept(new SocketRecord(Protocol.UDP, Family.IPV6, "::", 53, null, null, null, null, null, null,
                    null, 9L, null, null));
        }
        assertThat(old).doesNotExist();
        assertThat(oldFolder).doesNotExist();
        assertThat(young).exists();
        assertThat(unrelated).exists();
        if (notOurs != null) {
            assertThat(notOurs).exists();
        }
    }

    private static Path aged(Path p, Duration age) throws Exception {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(age)));
        return p;
    }

    private static List<String> namesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private static String text(Scan head, Iterable<SocketRecord> sockets) throws Exception {
        StringWriter out = new StringWriter();
        if (sockets instanceof List<SocketRecord> list && head.sockets().equals(list)) {
            ScanJson.write(head, out);
        } else {
            ScanJson.write(head, sockets, out);
        }
        return out.toString();
    }

    private static List<SocketRecord> list(Iterable<SocketRecord> sockets) {
        List<SocketRecord> out = new ArrayList<>();
        sockets.forEach(out::add);
        return out;
    }
}
