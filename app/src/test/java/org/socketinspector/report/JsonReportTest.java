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
            assertThat(Schemas.errors("audit-1.schema.json", node)).isEmpty();
        }
    }

    @Test
    void scansValidateAgainstTheScanSchema() throws Exception {
        JsonNode scan = Json.mapper().readTree(ScanJson.write(ReportFixtures.demo().scan()));
        assertThat(Schemas.errors("scan-1.schema.json", scan)).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatTheContractForbids() throws Exception {
        ObjectNode audit = ScanJson.toTree(ReportFixtures.demo());
        ((ObjectNode) audit.get("findings").get(0)).put("severity", "critical");
        ((ObjectNode) audit.get("sockets").get(0)).put("localPort", 70000);
        audit.put("collectedAt", "yesterday");
        audit.put("surprise", true);
        assertThat(Schemas.errors("audit-1.schema.json", audit)).hasSizeGreaterThanOrEqualTo(4)
                .anyMatch(e -> e.contains("severity")).anyMatch(e -> e.contains("localPort"))
                .anyMatch(e -> e.contains("collectedAt")).anyMatch(e -> e.contains("surprise"));
    }

    @Test
    void jsonRoundTripsTheAuditExactly() throws Exception {
        Audit hostile = ReportFixtures.hostile();
        Path out = dir.resolve("hostile.json");
        new ReportExporter(RuleDescriptions.fromFindings()).export(hostile, List.of(), ReportOptions.of(ReportFormat.JSON), out);
        assertThat(ScanJson.read(Files.readString(out))).isEqualTo(hostile);
    }
}
