package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every enum, option, user and number argument of every command: a bad value is a usage error (exit 2) that names
 * the option and says what was expected, in our words, never a Java exception's text; and nothing runs.
 */
class TypedArgumentsTest {

    @TempDir
    Path dir;

    /** The command line, the option it names, and words of the message. */
    static Stream<Arguments> badValues() {
        String[] probe = {"experiment", "probe", "--address", "127.0.0.1", "--port", "8080", "--victim-options",
                "none", "--victim-user", "root"};
        return Stream.of(
                bad(new String[] {"experiment", "probe", "--proto", "foo"}, "--proto",
                        "expected tcp or udp but was 'foo'"), // the issue's own example: once "No enum constant", exit 1
                bad(with(probe, "--proto", "foo"), "--proto", "expected tcp or udp but was 'foo'"),
                bad(new String[] {"experiment", "probe", "--address", "127.0.0.1", "--port", "abc"}, "--port",
                        "expected a port, a whole number from 1 to 65535 but was 'abc'"),
                bad(new String[] {"experiment", "probe", "--address", "127.0.0.1", "--port", "70000"}, "--port",
                        "from 1 to 65535 but was '70000'"),
                bad(with(probe, "--option", "reuseaddr,foo"), "--option",
                        "unknown option 'foo' (expected reuseaddr, reuseport, exclusiveaddruse, v6only or none)"),
                bad(with(probe, "--victim-options", "bogus"), "--victim-options", "unknown option 'bogus'"),
                bad(with(probe, "--as-user", "no-such-user-here"), "--as-user", "unknown user 'no-such-user-here'"),
                bad(with(probe, "--victim-user", "no-such-user-here"), "--victim-user", "unknown user"),
                bad(with(probe, "--max-seconds", "0"), "--max-seconds", "expected seconds, a whole number from 1 to 600"),

                bad(new String[] {"experiment", "replay", "--proto", "sctp"}, "--proto", "expected tcp or udp"),
                bad(new String[] {"experiment", "replay", "--count", "0"}, "--count", "from 1 to 1000 but was '0'"),
                bad(new String[] {"experiment", "replay", "--count", "many"}, "--count", "but was 'many'"),
                bad(new String[] {"experiment", "replay", "--port", "-1"}, "--port",
                        "expected a port (0: a free one), a whole number from 0 to 65535"),
                bad(new String[] {"experiment", "replay", "--victim-options", "reuse"}, "--victim-options",
                        "unknown option 'reuse'"),
                bad(new String[] {"experiment", "replay", "--attacker-user", "no-such-user-here"}, "--attacker-user",
                        "unknown user"),
                bad(new String[] {"experiment", "replay", "--max-seconds", "soon"}, "--max-seconds", "but was 'soon'"),

                bad(new String[] {"experiment", "matrix", "--parallel", "99"}, "--parallel",
                        "expected cells at once, a whole number from 1 to 8 but was '99'"),
                bad(new String[] {"experiment", "matrix", "--count", "x"}, "--count", "but was 'x'"),

                bad(new String[] {"whatif", "--os", "plan9", "--first", "0.0.0.0", "--second", "127.0.0.1"}, "--os",
                        "expected windows, windows-xp, linux, macos, freebsd but was 'plan9'"),
                bad(new String[] {"whatif", "--os", "linux", "--protocol", "quic", "--first", "0.0.0.0", "--second",
                        "127.0.0.1"}, "--protocol", "expected tcp or udp but was 'quic'"),
                bad(new String[] {"whatif", "--os", "linux", "--first-state", "open", "--first", "0.0.0.0", "--second",
                        "127.0.0.1"}, "--first-state", "expected listen, bound, time-wait or connected but was 'open'"),
                bad(new String[] {"whatif", "--os", "linux", "--port", "http", "--first", "0.0.0.0", "--second",
                        "127.0.0.1"}, "--port", "expected a port"),

                bad(new String[] {"history", "list", "--kind", "scan"}, "--kind",
                        "expected probe, replay, matrix or snapshot but was 'scan'"),
                bad(new String[] {"history", "list", "--type", "run"}, "--type", "expected experiment or snapshot"),
                bad(new String[] {"history", "list", "--limit", "0"}, "--limit",
                        "expected rows per page, a whole number from 1 to 1000 but was '0'"),
                bad(new String[] {"history", "list", "--offset", "-1"}, "--offset", "a whole number from 0"),
                bad(new String[] {"history", "list", "--page", "first"}, "--page", "expected a page number"),
                bad(new String[] {"history", "show", "X1"}, "ID", "X1"),
                bad(new String[] {"report", "--history", "latest", "--format", "html", "--output", "r.html"},
                        "--history", "latest"),
                bad(new String[] {"report", "--format", "docx", "--output", "r.docx"}, "--format", "docx"),
                bad(new String[] {"report", "--page-size", "a3", "--format", "pdf", "--output", "r.pdf"}, "--page-size",
                        "a3"),
                bad(new String[] {"scan", "--source", "proc"}, "--source",
                        "expected native, ss, netstat or auto but was 'proc'"),
                bad(new String[] {"audit", "--fail-on", "critical"}, "--fail-on",
                        "expected high, medium or low but was 'critical'"),
                bad(new String[] {"import", "x.txt", "--format", "pcap"}, "--format", "pcap"));
    }

    private static Arguments bad(String[] args, String option, String words) {
        return Arguments.of(String.join(" ", args), args, option, words);
    }

    private static String[] with(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void aBadValueIsAUsageErrorInOurWords(String name, String[] args, String option, String words) {
        String db = dir.resolve("h.db").toString();
        boolean takesDb = args[0].equals("experiment") || args[0].equals("history");
        CliRun r = CliRun.run(takesDb ? with(args, "--db", db) : args);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        String first = r.err().lines().findFirst().orElse("");
        assertThat(first).contains(option).contains(words)
                .doesNotContain("No enum constant", "Exception", "is not an int", "NumberFormat");
        assertThat(r.out()).isEmpty();
        assertThat(Files.exists(dir.resolve("h.db"))).as("nothing ran, nothing was stored").isFalse();
    }

    @Test
    void aPresetWithACustomCasesOptionIsAUsageError() {
        CliRun r = CliRun.run("experiment", "replay", "--preset", "plain-control", "--victim-options", "reuseport",
                "--db", dir.resolve("h.db").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        assertThat(r.err()).contains("--preset plain-control fixes both sockets; --victim-options describes a custom"
                + " case: give either --preset or the custom options");

        CliRun two = CliRun.run("experiment", "replay", "--preset", "plain-control", "--proto", "udp",
                "--attacker-user", "root", "--db", dir.resolve("h.db").toString());
        assertThat(two.exitCode()).isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        assertThat(two.err()).contains("--proto, --attacker-user describe a custom case");
        assertThat(Files.exists(dir.resolve("h.db"))).as("nothing ran").isFalse();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aProbeRequestIsCheckedAsTheGuiAndTheEngineCheckIt() {
        String db = dir.resolve("h.db").toString();
        CliRun foreign = CliRun.run("experiment", "probe", "--address", "192.0.2.7", "--port", "80",
                "--victim-options", "none", "--victim-user", "root", "--yes", "--db", db);
        assertThat(foreign.exitCode()).isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        assertThat(foreign.err()).contains("Address: refusing to probe 192.0.2.7");

        CliRun udp = CliRun.run("experiment", "probe", "--proto", "udp", "--address", "127.0.0.1", "--port", "5353",
                "--victim-options", "none", "--victim-user", "root", "--yes", "--db", db);
        assertThat(udp.exitCode()).isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        assertThat(udp.err()).contains("UDP: a UDP probe needs an explicit opt-in");

        CliRun windowsOnly = CliRun.run("experiment", "probe", "--address", "127.0.0.1", "--port", "8080",
                "--option", "exclusiveaddruse", "--victim-options", "none", "--victim-user", "root", "--yes",
                "--db", db);
        assertThat(windowsOnly.exitCode()).isEqualTo(SocketInspectorCommand.EXIT_USAGE);
        assertThat(windowsOnly.err()).contains("Options: SO_EXCLUSIVEADDRUSE does not exist on linux.");
        assertThat(Files.exists(dir.resolve("h.db"))).as("nothing ran").isFalse();
    }
}
