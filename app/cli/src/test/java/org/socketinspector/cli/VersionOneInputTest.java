package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.json.Json;

/**
 * Version-1 documents keep working from the command line (issue 19, item 4): a stored audit/1 file is reported as
 * saved (its findings, even none, never re-audited), a scan/1 file is audited, and what is written is version 2.
 */
class VersionOneInputTest {

    @TempDir
    Path dir;

    private static ObjectNode demoAuditV1() throws Exception {
        try (InputStream in = VersionOneInputTest.class.getResourceAsStream(
                "/org/socketinspector/json/audit-1-demo.json")) {
            return (ObjectNode) Json.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private JsonNode reportJson(ObjectNode document) throws Exception {
        Path input = Files.writeString(dir.resolve("in.json"), Json.mapper().writeValueAsString(document));
        Path output = dir.resolve("out.json");
        CliRun run = CliRun.run("report", "--format", "json", "--input", input.toString(), "--output",
                output.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Json.mapper().readTree(Files.readString(output));
    }

    @Test
    void anAuditOfVersionOneIsReportedAsSavedEvenWithoutFindings() throws Exception {
        ObjectNode saved = demoAuditV1();
        JsonNode report = reportJson(saved);
        assertThat(report.get("schema").asText()).isEqualTo("socket-inspector/audit/2");
        assertThat(report.get("findings")).hasSize(saved.get("findings").size());

        ObjectNode none = demoAuditV1();
        none.putArray("findings");
        assertThat(reportJson(none).get("findings")).as("a saved audit with no findings is not audited again")
                .isEmpty();
    }

    @Test
    void aScanOfVersionOneIsAuditedAndWrittenAsVersionTwo() throws Exception {
        ObjectNode scan = demoAuditV1();
        scan.remove("findings");
        scan.put("schema", "socket-inspector/scan/1");
        JsonNode report = reportJson(scan);
        assertThat(report.get("schema").asText()).isEqualTo("socket-inspector/audit/2");
        assertThat(report.get("findings")).isNotEmpty();
        assertThat(report.at("/sockets/0/netns").toString()).isEqualTo("{\"inode\":null,\"name\":null}");
    }
}
