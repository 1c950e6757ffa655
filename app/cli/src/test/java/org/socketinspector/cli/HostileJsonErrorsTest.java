package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.json.Json;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.ToolInfo;

/**
 * Issue 18 #10: hostile JSON through every command that reads it. Each error is one line naming the file and the
 * place (line and column, or the field's path) with a plain reason, and never Java's or Jackson's words
 * ({@code getMaxNestingDepth()}, {@code ALLOW_NON_NUMERIC_NUMBERS}, {@code java.time.Instant},
 * {@code DateTimeParseException}, {@code StreamReadConstraints}); duplicate keys and negative ids are refused.
 */
class HostileJsonErrorsTest {

    /** Java's words: a package path, an exception, a method call, a constant (the issue's own test). */
    static final Pattern JAVA = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z]|Exception|\\(\\)|[A-Z_]{6,}");

    @TempDir
    Path dir;

    private String scan;
    private String audit;

    /** A scan of 18 loopback listeners of one process (each a finding), and its audit, pretty-printed. */
    @BeforeEach
    void documents() throws Exception {
        List<SocketRecord> sockets = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            sockets.add(new SocketRecord(Protocol.TCP, Family.IPV4, "127.0.0.1", 9100 + i, null, null, "LISTEN", null,
                    777, new ProcessInfo("devserver", null, null, "alice", 1000, List.of()), 1000, 10L + i,
                    new SocketOptions(true, false, null, null), null));
        }
        HostInfo host = new HostInfo("laptop", "linux", "6.18.44", 1024, false, List.of("::1", "127.0.0.1"), true);
        scan = ScanJson.write(new Scan(Scan.SCHEMA, ToolInfo.current(), host, Instant.parse("2026-11-25T12:00:00Z"),
                true, List.of("netlink"), List.of(), sockets));
        CliRun run = CliRun.run("audit", "--json", "--input", Files.writeString(dir.resolve("base.json"), scan).toString());
        audit = run.out();
        assertThat(Json.mapper().readTree(audit).path("findings").size()).as(run.err()).isGreaterThanOrEqualTo(16);
    }

    record Case(String name, String document, String reason) {
    }

    private List<Case> cases() {
        return List.of(
                new Case("deep", scan.replaceFirst("\\{", "{\"deep\": " + "[".repeat(300) + "]".repeat(300) + ","),
                        "line 1, column 2\\d\\d: nesting deeper than 200"),
                new Case("nan", first(scan, "\"localPort\" : 9100", "\"localPort\" : NaN"), "line \\d+, column \\d+: not a number: NaN"),
                new Case("infinity", first(scan, "\"localPort\" : 9100", "\"localPort\" : -Infinity"),
                        "line \\d+, column \\d+: not a number: -Infinity"),
                new Case("time", first(scan, "\"2026-11-25T12:00:00Z\"", "\"yesterday\""),
                        "field \\$\\.collectedAt: not a timestamp: \"yesterday\".*"),
                new Case("digits", first(scan, "\"localPort\" : 9100", "\"localPort\" : " + "9".repeat(2000)),
                        "line \\d+, column \\d+: number too long.*"),
                new Case("findings", audit.substring(0, audit.lastIndexOf('}')) + ", \"findings\" : [ ] }",
                        "line \\d+, column \\d+: duplicate key \"findings\".*"),
                new Case("port", first(scan, "\"localPort\" : 9100", "\"localPort\" : 9100, \"localPort\" : 22"),
                        "line \\d+, column \\d+: duplicate key \"localPort\".*"),
                new Case("pid", first(scan, "\"pid\" : 777", "\"pid\" : -1"),
                        "field \\$\\.sockets\\[0\\]\\.pid: must have a minimum value of 0"),
                new Case("uid", first(scan, "\"uid\" : 1000", "\"uid\" : -2"),
                        "field \\$\\.sockets\\[0\\]\\.process\\.uid: must have a minimum value of 0"),
                new Case("socketuid", scan.replaceFirst("(?s)(\"uid\" : 1000.*?)\"uid\" : 1000", "$1\"uid\" : -3"),
                        "field \\$\\.sockets\\[0\\]\\.uid: must have a minimum value of 0"));
    }

    @Test
    void everyCommandThatReadsJsonSaysWhereAndWhyInOurWords() throws Exception {
        for (Case c : cases()) {
            Path file = Files.writeString(dir.resolve(c.name() + ".json"), c.document());
            for (String[] command : new String[][] {
                    {"import", file.toString()},
                    {"audit", "--input", file.toString()},
                    {"report", "--input", file.toString(), "--format", "json", "--output", "-"},
                    {"report", "merge", file.toString(), "--format", "json", "--output", "-"}}) {
                CliRun run = CliRun.run(command);
                String what = c.name() + ": " + String.join(" ", command).replace(dir.toString(), "") + ": " + run.err();
                assertThat(run.exitCode()).as(what).isEqualTo(1);
                assertThat(run.out()).as(what).isEmpty();
                assertThat(run.err().strip().lines()).as(what).hasSize(1);
                assertThat(run.err().strip()).as(what)
                        .matches("socket-inspector: " + Pattern.quote(file.toString()) + ": " + c.reason());
                assertThat(JAVA.matcher(run.err()).find()).as(what).isFalse();
            }
        }
    }

    @Test
    void aBaselineWithADuplicateKeyIsRefused() throws Exception {
        Path base = Files.writeString(dir.resolve("scan.json"), scan);
        Path baseline = Files.writeString(dir.resolve("baseline.json"), "[{\"rule\": \"X\", \"rule\": \"Y\"}]");
        CliRun run = CliRun.run("audit", "--input", base.toString(), "--baseline", baseline.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains(baseline.toString(), "$[0]: duplicate key \"rule\"");
        assertThat(JAVA.matcher(run.err()).find()).as(run.err()).isFalse();
    }

    @Test
    void whatIfBatchAnswersHostileLinesInOurWords() throws Exception {
        String question = "{\"os\": \"linux\", \"protocol\": \"tcp\", \"first\": {\"address\": \"0.0.0.0\"},"
                + " \"second\": {\"address\": \"127.0.0.1\"}, \"port\": 8080}";
        List<String> lines = List.of(
                question,
                "{\"deep\": " + "[".repeat(300) + "]".repeat(300) + "}",
                question.replace("8080", "NaN"),
                question.replace("8080", "9".repeat(2000)),
                question.replace("\"os\": \"linux\"", "\"os\": \"linux\", \"os\": \"windows\""),
                question.replace("\"address\": \"0.0.0.0\"", "\"address\": 1e999"));
        Path batch = Files.write(dir.resolve("q.jsonl"), lines);

        CliRun run = CliRun.run("whatif", "--batch", batch.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> answers = new ArrayList<>();
        for (String line : run.out().strip().split("\n")) {
            answers.add(Json.mapper().readTree(line));
        }
        assertThat(answers).hasSize(lines.size());
        assertThat(answers.get(0).has("outcome")).as(answers.get(0).toString()).isTrue();
        List<String> errors = answers.subList(1, answers.size()).stream().map(a -> a.path("error").asText()).toList();
        assertThat(errors.get(0)).matches("not valid JSON: column 2\\d\\d: nesting deeper than 200");
        assertThat(errors.get(1)).matches("not valid JSON: column \\d+: not a number: NaN");
        assertThat(errors.get(2)).matches("not valid JSON: column \\d+: number too long.*");
        assertThat(errors.get(3)).matches("not valid JSON: column \\d+: duplicate key \"os\".*");
        assertThat(errors.get(4)).contains("first.address");
        for (int i = 1; i < answers.size(); i++) {
            assertThat(answers.get(i).path("line").asInt()).isEqualTo(i + 1);
            assertThat(JAVA.matcher(answers.get(i).path("error").asText()).find()).as(answers.get(i).toString()).isFalse();
        }
    }

    @Test
    void aBatchFileNameTheLocaleCannotEncodeIsRefusedInOneLine() throws Exception {
        // sun.jnu.encoding is fixed at start: a name with a lone surrogate cannot be encoded in any charset
        CliRun run = CliRun.run("whatif", "--batch", dir + "/q\uD800.jsonl");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("socket-inspector: " + dir + "/q").contains("cannot be opened");
        assertThat(JAVA.matcher(run.err()).find()).as(run.err()).isFalse();
    }

    private static String first(String text, String find, String replace) {
        assertThat(text).contains(find);
        return text.replaceFirst(Pattern.quote(find), java.util.regex.Matcher.quoteReplacement(replace));
    }
}
