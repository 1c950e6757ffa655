package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.output.SafeFile;
import org.socketinspector.testing.ChildJvm;

/**
 * Issue 18, defect 11: file names are bytes on Linux, and the JVM decodes the command line with the locale's
 * charset (US-ASCII with no LANG), turning what it cannot decode into U+FFFD. Each test starts the command line in
 * a child JVM from /bin/sh, whose printf makes the exact bytes, with an empty environment (no LANG, as from cron or
 * a systemd unit) or LC_ALL=C.UTF-8. A name is read/written as given or refused in one line that shows its bytes.
 */
class FileNameArgumentTest {

    private static final Path CAPTURE = Path.of("../../native-bridge/src/test/resources/captures/linux/lsof-nP-iTCP-iUDP.txt")
            .toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @BeforeEach
    void linux() {
        assumeTrue(SafeFile.NATIVE && Files.isExecutable(Path.of("/bin/sh")), "Linux with /bin/sh");
    }

    @Test
    void anOutputNameThatIsNotUtf8IsRefusedInsteadOfWritingAnotherFile() throws Exception {
        Files.writeString(dir.resolve("scan.json"), CliRun.run("import", "--json", CAPTURE.toString()).out());

        Result run = cli(Map.of("LC_ALL", "C.UTF-8"),
                "report --format html --input scan.json --output \"$(printf 'r\\351.html')\"");

        assertThat(run.code()).as(run.err()).isNotZero();
        assertThat(run.err()).contains("r\\xe9.html: this file name has bytes that are not valid in the system's file"
                + " name encoding (UTF-8)").doesNotContain("Exception");
        assertThat(names()).containsExactly("scan.json"); // no r\uFFFD.html (bytes EF BF BD) written
    }

    @Test
    void anInputNameThatIsNotUtf8IsRefusedNotReportedMissing() throws Exception {
        sh(Map.of(), "cp '" + CAPTURE + "' \"$(printf 'cap\\351.txt')\"");

        Result run = cli(Map.of("LC_ALL", "C.UTF-8"), "import \"$(printf 'cap\\351.txt')\"");

        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("cap\\xe9.txt: this file name has bytes").doesNotContain("no such file")
                .doesNotContain("Exception");
    }

    @Test
    void withNoLangANonAsciiNameIsRefusedNamingItsBytesAndTheLocale() throws Exception {
        sh(Map.of(), "cp '" + CAPTURE + "' \"$(printf 'capt\\303\\251.txt')\"");

        Result run = cli(Map.of(), "import \"$(printf 'capt\\303\\251.txt')\"");

        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("capt\\xc3\\xa9.txt: this file name has bytes that are not valid in the"
                + " system's file name encoding (ANSI_X3.4-1968: is LANG or LC_ALL set?)")
                .doesNotContain("no such file").doesNotContain("Exception");
    }

    /** LC_CTYPE=C.UTF-8 alone: what the socket-inspector launcher sets when no locale is set at all. */
    @Test
    void aUtf8NameInAUtf8LocaleIsReadAsNamed() throws Exception {
        sh(Map.of(), "cp '" + CAPTURE + "' \"$(printf 'capt\\303\\251.txt')\"");

        Result run = cli(Map.of("LC_CTYPE", "C.UTF-8"), "import \"$(printf 'capt\\303\\251.txt')\"");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("LISTEN");
    }

    @Test
    void aNameJavaCannotMakeAPathOfIsOneLineNotInvalidPathException() {
        CliRun run = CliRun.run("import", "cap\0ture.txt");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("cap\\u0000ture.txt: not a valid file name here (it holds a NUL character)")
                .doesNotContain("InvalidPathException");
    }

    record Result(int code, String out, String err) {
    }

    /** Runs the command line in a child JVM through /bin/sh in {@code dir} with exactly {@code env}. */
    private Result cli(Map<String, String> env, String arguments) throws Exception {
        List<String> java = ChildJvm.command(CliMain.class);
        StringBuilder script = new StringBuilder("exec");
        for (String word : java) {
            script.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        return sh(env, script + " " + arguments);
    }

    private Result sh(Map<String, String> env, String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path err = Files.createTempFile(dir.getParent(), "err", ".txt");
        Process p = pb.redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child ends").isTrue();
        String errText = Files.readString(err);
        Files.delete(err);
        return new Result(p.exitValue(), out, errText);
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
