package org.socketinspector.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.json.Json;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.Scan;
import org.socketinspector.rules.Audit;

class FleetReportTest {

    @TempDir
    Path dir;

    private List<Path> files;

    @BeforeEach
    void writeHosts() throws IOException {
        files = new ArrayList<>();
        Audit demo = ReportFixtures.demo();
        // quiet: no findings; demo: three; hostile: ten high ones.
        files.add(write("quiet.json", new Audit(rename(demo.scan(), "quiet-host"), List.of())));
        files.add(write("demo.json", demo));
        files.add(write("hostile.json", ReportFixtures.hostile()));
    }

    private static Scan rename(Scan scan, String host) {
        return new Scan(scan.schema(), scan.tool(), new org.socketinspector.model.HostInfo(host, "linux", "6.1", null, null),
                scan.collectedAt(), scan.privileged(), scan.sources(), scan.limitations(), scan.sockets());
    }

    private Path write(String name, Audit audit) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, ScanJson.write(audit));
        return file;
    }

    private Fleet fleet(ReportFormat format, List<Path> inputs) throws IOException {
        return Fleet.scan(inputs, p -> {
            try {
                return ScanJson.read(Files.readString(p));
            } catch (ScanJson.InvalidJsonException e) {
                throw new IOException(p + ": " + e.getMessage(), e);
            }
        }, new ReportExporter(RuleDescriptions.fromFindings()), ReportOptions.of(format));
    }

    @Test
    void hostsAreOrderedMostExposedFirstWhateverTheArgumentOrder() throws IOException {
        Fleet fleet = fleet(ReportFormat.HTML, files);
        assertThat(fleet.hosts()).extracting(Fleet.Host::name)
                .containsExactly(ReportFixtures.SCRIPT, "demo-host", "quiet-host");
        assertThat(fleet.hosts().get(0).count(org.socketinspector.rules.Severity.HIGH)).isEqualTo(10);
        assertThat(fleet.rules()).extracting(Fleet.RuleGroup::rule).startsWith("LINUX-REUSEPORT-GROUP");
        assertThat(fleet.rules().get(0).hosts()).isEqualTo(2);

        Path a = dir.resolve("a.html");
        Path b = dir.resolve("b.html");
        new FleetReport(fleet, ReportOptions.of(ReportFormat.HTML)).write(a);
        new FleetReport(fleet(ReportFormat.HTML, List.of(files.get(2), files.get(0), files.get(1))),
                ReportOptions.of(ReportFormat.HTML)).write(b);
        long mismatch = Files.mismatch(a, b);
        assertThat(mismatch).as("first differing byte, around: %s", mismatch < 0 ? "" : Files.readString(b)
                .substring((int) Math.max(0, mismatch - 200), (int) Math.min(Files.size(b), mismatch + 100))).isEqualTo(-1L);
        String html = Files.readString(a);
        assertThat(html).contains("Content-Security-Policy").contains("id=\"host-1\"").contains("id=\"host-3\"")
                .contains("Findings by rule").doesNotContain("<script>alert").doesNotContain("<img");
    }

    @Test
    void jsonHoldsEveryAuditAndValidates() throws Exception {
        Path out = dir.resolve("fleet.json");
        new FleetReport(fleet(ReportFormat.JSON, files), ReportOptions.of(ReportFormat.JSON)).write(out);
        JsonNode node = Json.mapper().readTree(out.toFile());
        assertThat(Schemas.errors("fleet-2.schema.json", node)).isEmpty();
        assertThat(node.get("audits")).hasSize(3);
        assertThat(node.get("hosts").get(0).get("high").asInt()).isEqualTo(10);
        Audit back = ScanJson.read(Json.mapper().writeValueAsString(node.get("audits").get(0)));
        assertThat(back).isEqualTo(ReportFixtures.hostile());
    }

    @Test
    void csvHasOneRowPerSocketAndFindingOfEveryHost() throws IOException {
        Path out = dir.resolve("fleet.zip");
        new FleetReport(fleet(ReportFormat.CSV, files), ReportOptions.of(ReportFormat.CSV)).write(out);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(out))) {
            in.getNextEntry();
            List<List<String>> sockets = CsvReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).substring(1));
            in.getNextEntry();
            List<List<String>> findings = CsvReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).substring(1));
            assertThat(sockets).hasSize(1 + 10 + 4 + 4);
            assertThat(findings).hasSize(1 + 10 + 3);
            assertThat(sockets.subList(1, sockets.size())).extracting(r -> r.get(0)).contains("quiet-host", "demo-host");
        }
    }

    @Test
    void pdfHasAHostTableRuleGroupsAndPageNumbers() throws IOException {
        Path out = dir.resolve("fleet.pdf");
        new FleetReport(fleet(ReportFormat.PDF, files), ReportOptions.of(ReportFormat.PDF)).write(out);
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Hosts (3)").contains("Findings by rule").contains("quiet-host")
                    .contains("Page 1 of " + pdf.getNumberOfPages());
        }
    }
}
