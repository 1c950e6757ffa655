package org.socketinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.json.Json;
import org.socketinspector.semantics.BindEndpoint;
import org.socketinspector.semantics.QuestionSpace;
import org.socketinspector.semantics.QuestionSpace.WindowsCell;

/** {@code whatif} as the command line runs it: single questions, and the documented Windows tables as a batch. */
class WhatIfCommandTest {


    @Test
    void everyDocumentedWindowsCellThroughTheBatchPath(@TempDir Path dir) throws Exception {
        List<WindowsCell> cells = QuestionSpace.windowsTables();
        List<String> lines = new ArrayList<>();
        for (WindowsCell cell : cells) {
            ObjectNode q = Json.mapper().createObjectNode();
            q.put("os", cell.question().os().wireName());
            q.put("protocol", "tcp");
            q.set("first", endpoint(cell.question().first(), true));
            q.set("second", endpoint(cell.question().second(), false));
            lines.add(Json.mapper().writeValueAsString(q));
        }
        Path file = dir.resolve("tables.jsonl");
        Files.write(file, lines);

        CliRun run = CliRun.run("whatif", "--batch", file.toString());

        assertEquals(0, run.exitCode(), run.err());
        String[] answers = run.out().split("\n");
        assertEquals(cells.size(), answers.length);
        for (int i = 0; i < cells.size(); i++) {
            JsonNode a = Json.mapper().readTree(answers[i]);
            WindowsCell cell = cells.get(i);
            String expectedError = cell.documented().error();
            assertEquals(expectedError == null ? "null" : expectedError, a.get("error").asText("null"),
                    "table (" + cell.table() + ") line " + (i + 1) + ": " + lines.get(i));
            String outcome = a.get("outcome").asText();
            assertEquals(expectedError != null, outcome.equals("refused"), "line " + (i + 1) + ": " + outcome);
            assertTrue(a.get("sources").get(0).asText().contains("table (" + cell.table() + ")"));
        }
    }

    @Test
    void malformedLinesAnswerWithTheirLineNumberAndTheBatchGoesOn(@TempDir Path dir) throws Exception {
        String good = "{\"os\": \"linux\", \"protocol\": \"tcp\", \"first\": {\"address\": \"0.0.0.0\", \"options\":"
                + " [\"reuseport\"], \"user\": \"alice\", \"state\": \"listen\"}, \"second\": {\"address\": \"127.0.0.1\","
                + " \"options\": [\"reuseport\"], \"user\": \"alice\"}}";
        Path file = dir.resolve("mixed.jsonl");
        Files.write(file, List.of(
                good,
                "{not json",
                "{\"os\": \"plan9\", \"protocol\": \"tcp\", \"first\": {\"address\": \"::\"}, \"second\": {\"address\": \"::1\"}}",
                "{\"os\": \"linux\", \"protocol\": \"tcp\", \"first\": {\"address\": \"1.2.3\"}, \"second\": {\"address\": \"::1\"}}",
                "{\"os\": \"linux\", \"protocol\": \"udp\", \"first\": {\"address\": \"::\", \"options\": [\"fast\"]}, \"second\": {\"address\": \"::1\"}}",
                "{\"os\": \"linux\", \"protocol\": \"udp\", \"first\": {\"address\": \"::\", \"state\": \"listen\"}, \"second\": {\"address\": \"::1\"}}",
                good));

        CliRun run = CliRun.run("whatif", "--batch", file.toString());

        String[] answers = run.out().split("\n");
        assertEquals(7, answers.length, run.out());
        assertEquals("steals", Json.mapper().readTree(answers[0]).get("outcome").asText());
        assertEquals("steals", Json.mapper().readTree(answers[6]).get("outcome").asText());
        String[] mustMention = {null, "not valid JSON", "unknown OS 'plan9'", "first.address", "unknown option 'fast'",
                "cannot listen"};
        for (int i = 1; i <= 5; i++) {
            JsonNode error = Json.mapper().readTree(answers[i]);
            assertEquals(i + 1, error.get("line").asInt());
            assertTrue(error.get("error").asText().contains(mustMention[i]), error.toString());
        }
    }

    @Test
    void aSingleQuestionAsJson() throws Exception {
        CliRun run = CliRun.run("whatif", "--os", "windows", "--protocol", "tcp", "--first", "0.0.0.0", "--first-user", "svc",
                "--second", "127.0.0.1,reuseaddr", "--second-user", "svc", "--json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode a = Json.mapper().readTree(run.out());
        assertEquals("steals", a.get("outcome").asText());
        assertTrue(a.get("error").isNull());
        assertTrue(a.has("firstCanStillListen") && a.has("explanation") && a.get("sources").isArray());
    }

    @Test
    void aSingleQuestionAsText() {
        CliRun run = CliRun.run("whatif", "--os", "linux", "--protocol", "udp", "--first", "0.0.0.0,reuseaddr", "--first-user",
                "avahi", "--second", "0.0.0.0,reuseaddr", "--second-user", "nobody");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("STEALS"), run.out());
    }

    @Test
    void aPrivilegedPortAsksForRoot() {
        CliRun run = CliRun.run("whatif", "--os", "linux", "--first", "127.0.0.1", "--first-user", "root", "--second", "::1",
                "--second-user", "alice", "--port", "80", "--json");
        assertTrue(run.out().contains("\"EACCES\""), run.out());
    }

    @Test
    void restartingOverTimeWaitAsASingleQuestion() {
        CliRun ok = CliRun.run("whatif", "--os", "linux", "--first", "0.0.0.0,reuseaddr", "--first-user", "svc",
                "--first-state", "time-wait", "--second", "0.0.0.0,reuseaddr");
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().startsWith("STEALS"), ok.out());
        assertTrue(ok.out().contains("TIME_WAIT connections on 127.0.0.1"), ok.out());
        CliRun blocked = CliRun.run("whatif", "--os", "linux", "--first", "0.0.0.0", "--first-state", "time-wait",
                "--second", "0.0.0.0,reuseaddr");
        assertTrue(blocked.out().startsWith("REFUSED (EADDRINUSE)"), blocked.out());
        CliRun udp = CliRun.run("whatif", "--os", "linux", "--protocol", "udp", "--first", "0.0.0.0",
                "--first-state", "time-wait", "--second", "0.0.0.0");
        assertEquals(2, udp.exitCode());
        assertTrue(udp.err().contains("time-wait applies to TCP"), udp.err());
    }

    /** Issue 12 item 1 through the batch path: mapped addresses as IPv4, EINVAL on IPv6-only, states in JSON. */
    @Test
    void mappedAddressesAndNewStatesThroughTheBatchPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("v2.jsonl");
        Files.write(file, List.of(
                "{\"os\": \"linux\", \"protocol\": \"tcp\", \"first\": {\"address\": \"127.0.0.1\"},"
                        + " \"second\": {\"address\": \"::ffff:127.0.0.1\", \"options\": [\"dualstack\"]}}",
                "{\"os\": \"linux\", \"protocol\": \"udp\", \"first\": {\"address\": \"::1\"},"
                        + " \"second\": {\"address\": \"::ffff:0.0.0.0\", \"options\": [\"v6only\"]}}",
                "{\"os\": \"linux\", \"protocol\": \"tcp\", \"first\": {\"address\": \"127.0.0.1\","
                        + " \"options\": [\"reuseport\"], \"user\": \"a\", \"state\": \"time-wait\"},"
                        + " \"second\": {\"address\": \"127.0.0.1\", \"options\": [\"reuseport\"], \"user\": \"b\"}}",
                "{\"os\": \"linux\", \"protocol\": \"udp\", \"first\": {\"address\": \"0.0.0.0\","
                        + " \"options\": [\"reuseaddr\"], \"state\": \"connected\"},"
                        + " \"second\": {\"address\": \"127.0.0.1\", \"options\": [\"reuseaddr\"]}}",
                "{\"os\": \"linux\", \"protocol\": \"tcp\", \"first\": {\"address\": \"0.0.0.0\","
                        + " \"state\": \"closing\"}, \"second\": {\"address\": \"::1\"}}"));

        CliRun run = CliRun.run("whatif", "--batch", file.toString());

        String[] answers = run.out().split("\n");
        assertEquals(5, answers.length, run.out());
        assertEquals("EADDRINUSE", Json.mapper().readTree(answers[0]).get("error").asText());
        assertEquals("EINVAL", Json.mapper().readTree(answers[1]).get("error").asText());
        assertEquals("steals", Json.mapper().readTree(answers[2]).get("outcome").asText());
        assertEquals("separate", Json.mapper().readTree(answers[3]).get("outcome").asText());
        JsonNode bad = Json.mapper().readTree(answers[4]);
        assertEquals(5, bad.get("line").asInt());
        assertTrue(bad.get("error").asText().contains("time-wait"), bad.toString());
    }

    @Test
    void aBadOptionIsAUsageError() {
        CliRun run = CliRun.run("whatif", "--os", "linux", "--first", "0.0.0.0,fast", "--second", "::1");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown option 'fast'"), run.err());
    }

    private static ObjectNode endpoint(BindEndpoint e, boolean first) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("address", e.address());
        ArrayNode options = node.putArray("options");
        e.options().forEach(o -> options.add(o.wireName()));
        node.put("user", e.user());
        if (first) {
            node.put("state", e.state().wireName());
        }
        return node;
    }
}
