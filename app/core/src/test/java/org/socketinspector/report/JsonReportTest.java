package org.socketinspector.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.json.Json;
import org.socketinspector.json.ScanJson;
import org.socketinspector.rules.Audit;

/** The JSON format is the audit contract, and every report we write validates against the published schema. */
class JsonReportTest {

    @TempDir
    Path dir;

    @Test
    void producedAuditReportsValidateAgainstThePublishedSchema() throws Exception {
        for (Audit audit : List.of(ReportFixtures.demo(), ReportFixtures.hostile())) {
            Path out = dir.resolve("audit.json");
            new ReportExporter(RuleDescriptions.fromFindings()).export(audit, List.of(), ReportOptions.of(ReportFormat.JSON), out);
            JsonNode node = Json.mapper().readTree(Files.readString(out));
            assertThat(Schemas.errors("audit-2.schema.json", node)).isEmpty();
        }
    }

    @Test
    void scansValidateAgainstTheScanSchema() throws Exception {
        JsonNode scan = Json.mapper().readTree(ScanJson.write(ReportFixtures.demo().scan()));
        assertThat(Schemas.errors("scan-2.schema.json", scan)).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatTheContractForbids() throws Exception {
        ObjectNode audit = ScanJson.toTree(ReportFixtures.demo());
        ((ObjectNode) audit.get("findings").get(0)).put("severity", "critical");
        ((ObjectNode) audit.get("sockets").get(0)).put("localPort", 70000);
        audit.put("collectedAt", "yesterday");
        audit.remove("privileged");
        assertThat(Schemas.errors("audit-2.schema.json", audit)).hasSizeGreaterThanOrEqualTo(4)
                .anyMatch(e -> e.contains("severity")).anyMatch(e -> e.contains("localPort"))
                .anyMatch(e -> e.contains("collectedAt")).anyMatch(e -> e.contains("privileged"));
    }

    /**
     * The contract lets readers ignore unknown fields (docs/json-contract.md), so the schemas allow them; this test
     * makes sure that every field we write is nevertheless described there, so the schema never falls behind.
     */
    @Test
    void everyFieldWeWriteIsDescribedInTheSchema() throws Exception {
        JsonNode scanDefs = Json.mapper().readTree(Schemas.directory().resolve("scan-2.schema.json").toFile()).get("$defs");
        JsonNode audit = Json.mapper().readTree(Schemas.directory().resolve("audit-2.schema.json").toFile());
        ObjectNode written = ScanJson.toTree(ReportFixtures.demo());
        JsonNode socket = written.get("sockets").get(0);
        org.socketinspector.model.SocketRecord probed = ReportFixtures.demo().scan().sockets().get(0)
                .withProbe(new org.socketinspector.model.ProbeResult("127.0.0.1", "SO_REUSEADDR", false, "EADDRINUSE", 98));
        JsonNode probe = Json.mapper().valueToTree(probed).get("probe");
        assertDescribed(written, audit.get("properties"));
        assertDescribed(written.get("host"), scanDefs.at("/host/properties"));
        assertDescribed(written.get("tool"), scanDefs.at("/tool/properties"));
        assertDescribed(socket, scanDefs.at("/socket/properties"));
        assertDescribed(socket.get("process"), scanDefs.at("/process/properties"));
        assertDescribed(socket.get("options"), scanDefs.at("/options/properties"));
        assertDescribed(probe, scanDefs.at("/probe/properties"));
        assertDescribed(written.get("findings").get(0), audit.at("/$defs/finding/properties"));
        assertDescribed(written.get("findings").get(0).get("socket"), audit.at("/$defs/subject/properties"));
    }

    private static void assertDescribed(JsonNode written, JsonNode properties) {
        assertThat(properties.isObject()).isTrue();
        java.util.List<String> fields = new java.util.ArrayList<>();
        written.fieldNames().forEachRemaining(fields::add);
        java.util.List<String> described = new java.util.ArrayList<>();
        properties.fieldNames().forEachRemaining(described::add);
        assertThat(described).containsAll(fields);
    }

    @Test
    void jsonRoundTripsTheAuditExactly() throws Exception {
        Audit hostile = ReportFixtures.hostile();
        Path out = dir.resolve("hostile.json");
        new ReportExporter(RuleDescriptions.fromFindings()).export(hostile, List.of(), ReportOptions.of(ReportFormat.JSON), out);
        assertThat(ScanJson.read(Files.readString(out))).isEqualTo(hostile);
    }
}
