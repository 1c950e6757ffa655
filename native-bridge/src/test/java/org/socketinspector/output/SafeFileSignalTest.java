package org.socketinspector.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketinspector.testing.ChildJvm;
import org.socketinspector.testing.HostileUser;

/**
 * Issue 18, defect 2's leftovers: SIGINT and SIGTERM during a write leave no {@code .NAME.*.tmp} (a child JVM is
 * stopped mid-write), and the leftovers of a SIGKILLed run are cleared by the next write beside the same target
 * (ours and older than a day only).
 */
class SafeFileSignalTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalMidWriteLeavesThePreviousFileAndNoTemporaryFile(String signal) throws Exception {
        assumeTrue(SafeFile.NATIVE, "Linux only");
        Path report = Files.writeString(dir.resolve("r.pdf"), "previous report");
        List<String> command = ChildJvm.command(InterruptedWriteMain.class, report.toString());
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("writing"); // blocks until the child is in the middle of its write
            assertThat(temps()).hasSize(1);
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start();
            assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ends on SIG" + signal).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(temps()).isEmpty();
        assertThat(Files.readString(report)).isEqualTo("previous report");
    }

    @Test
    void staleTemporaryFilesOfOursOlderThanADayAreClearedBesideTheTarget() throws Exception {
        assumeTrue(SafeFile.NATIVE, "Linux only");
        Path old = stale(".r.pdf.0123456789abcdef.tmp", Duration.ofDays(2));
        Path young = stale(".r.pdf.fedcba9876543210.tmp", Duration.ofHours(2));
        Path other = stale(".other.pdf.0123456789abcdef.tmp", Duration.ofDays(2));
        Path notOurs = null;
        if (HostileUser.isRoot()) {
            notOurs = stale(".r.pdf.00000000000000aa.tmp", Duration.ofDays(3));
            Files.setAttribute(notOurs, "unix:uid", HostileUser.UID);
        }

        OutputFile.writeString(dir.resolve("r.pdf"), "report");

        assertThat(old).doesNotExist();
        assertThat(young).exists(); // may be a write going on in another run
        assertThat(other).exists(); // beside another target
        if (notOurs != null) {
            assertThat(notOurs).exists(); // not ours to remove
        }
    }

    private Path stale(String name, Duration age) throws Exception {
        Path p = Files.writeString(dir.resolve(name), "left by a killed run");
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(age)));
        return p;
    }

    private List<Path> temps() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("\\.r\\.pdf\\.[0-9a-f]{16}\\.tmp")).toList();
        }
    }
}
