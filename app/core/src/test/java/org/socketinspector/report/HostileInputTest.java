package org.socketinspector.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.json.ScanJson;

/**
 * Process names, command lines, users and paths come from other programs. Every hostile string goes through every
 * format: HTML escapes it under a strict CSP, CSV neutralises formula starts, PDF shows it as text, JSON keeps it.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    private final ReportExporter exporter = new ReportExporter(RuleDescriptions.fromFindings());

    private Path export(ReportFormat format, String name) throws IOException {
        Path out = dir.resolve(name);
        exporter.export(ReportFixtures.hostile(), List.of(), ReportOptions.of(format), out);
        return out;
    }

    @Test
    void htmlEscapesEverythingAndSetsAStrictCsp() throws IOException {
        String html = Files.readString(export(ReportFormat.HTML, "hostile.html"));

        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'sha256-");
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img").doesNotContain("onerror=alert(1)>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        // Exactly one script element: ours, whose hash the CSP allows.
        assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(1);
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(script.find()).isTrue();
        assertThat(html).contains("script-src " + Resources.cspHash(script.group(1)) + ";");
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
        assertThat(style.find()).isTrue();
        assertThat(html).contains("style-src " + Resources.cspHash(style.group(1)) + ";");
        // No style attribute (the CSP would block it) and nothing fetched.
        assertThat(html).doesNotContain(" style=\"").doesNotContain("src=\"http").doesNotContain("<link");
        // Control characters and the right-to-left override are shown, not obeyed.
        assertThat(html).doesNotContain("\u202E").contains("report\\u202Etxt.exe");
        assertThat(html.chars().filter(c -> c < 0x20 && c != '\n').count()).isZero();
        assertThat(html).contains("ctl\\x00\\x07\\x1B[31mred\\x7F\\x85end");
        // The 64 KiB value is cut, and the reader is told where the full value is.
        assertThat(html).doesNotContain("A".repeat(Html.MAX_DISPLAY + 1)).contains("more characters; full value in the CSV");
    }

    @Test
    void csvNeutralisesFormulaStartsAndKeepsEveryValueWhole() throws IOException {
        Path zip = export(ReportFormat.CSV, "hostile.zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(text).startsWith(Csv.BOM);
                List<List<String>> rows = CsvReader.parse(text.substring(1));
                List<String> header = rows.get(0);
                assertThat(header).isEqualTo(e.getName().equals("sockets.csv") ? CsvReport.SOCKET_COLUMNS
                        : CsvReport.FINDING_COLUMNS);
                for (List<String> row : rows) {
                    assertThat(row).hasSize(header.size());
                    for (String cell : row) {
                        assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                                .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
                    }
                }
                if (e.getName().equals("sockets.csv")) {
                    List<String> processes = rows.subList(1, rows.size()).stream()
                            .map(r -> r.get(header.indexOf("process"))).toList();
                    // Issue 18 defect 9: the part after the comma inside =HYPERLINK(…) is neutralised too.
                    assertThat(processes).contains("'=HYPERLINK(\"http://x\",'\"y\")", "'+cmd|' /C calc'!A0", "'@SUM(1)",
                            "'-2+3", "'\tstarts-with-tab", ReportFixtures.SCRIPT, ReportFixtures.CONTROL,
                            ReportFixtures.RLO, ReportFixtures.LONG);
                    // The documented undo gives every value back exactly.
                    assertThat(processes.stream().map(Csv::restore)).containsExactlyInAnyOrderElementsOf(ReportFixtures.HOSTILE);
                    assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(header.indexOf("command_line"))))
                            .contains("'=HYPERLINK(\"http://x\",'\"y\") --flag =HYPERLINK(\"http://x\",'\"y\")");
                }
            }
        }
        assertThat(names).containsExactly("sockets.csv", "findings.csv");
    }

    @Test
    void pdfRendersHostileStringsAsText() throws IOException {
        Path pdf = export(ReportFormat.PDF, "hostile.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replace("\r", "");
            String flat = text.replace("\n", "");
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(flat).contains("<script>alert(1)</script>").contains("\"><img src=x onerror=alert(1)>")
                    .contains("=HYPERLINK(\"http://x\",\"y\")").contains("+cmd|' /C calc'!A0").contains("@SUM(1)")
                    .contains("report\\u202Etxt.exe").contains("ctl\\x00\\x07\\x1B[31mred")
                    .contains("more characters; full value in the CSV");
            assertThat(flat).doesNotContain("\u202E");
        }
    }

    @Test
    void jsonRoundTripsEveryHostileStringExactly() throws Exception {
        Path json = export(ReportFormat.JSON, "hostile.json");
        var back = ScanJson.read(Files.readString(json));
        assertThat(back).isEqualTo(ReportFixtures.hostile());
        assertThat(back.scan().sockets()).extracting(s -> s.process().name())
                .containsExactlyInAnyOrderElementsOf(ReportFixtures.HOSTILE);
    }
}
