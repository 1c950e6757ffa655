package org.socketinspector.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Attacker;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.FindingSubject;
import org.socketinspector.rules.Severity;

/**
 * Issue 18 defect 9: a process named {@code x;=cmd|' /C calc'!A0;} was written unquoted, and a spreadsheet whose
 * locale separates lists with {@code ;} read {@code =cmd|…} as a formula. Hostile names go through the real report
 * path (ReportExporter, CSV zip and the two files); then the output is split the way a spreadsheet of any locale
 * may split it, and no piece may start a formula.
 */
class CsvInjectionTest {

    static final String PAYLOAD = "x;=cmd|' /C calc'!A0;";

    /** Every separator a spreadsheet may use, each followed by every formula start, a quote and a {@code '}. */
    static final List<String> HOSTILE = List.of(PAYLOAD, "a,=1+1", "a\t@SUM(1)", "a;+1", "a;-1", "a\n=1", "a\r\n=1",
            "a\r=1", "'already quoted", "a;'x", "a;\"=1\"", "\"=2\"", "=1;=2,=3\t=4", "x;;=y", ",=z", ";", "\t\t=",
            "plain name", "-", "''", "a;\"\"=HYPERLINK(\"http://x\")");

    @TempDir
    Path dir;

    static Audit hostile() {
        List<SocketRecord> sockets = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int port = 20000;
        for (String evil : HOSTILE) {
            ProcessInfo p = new ProcessInfo(evil, "/tmp/" + evil, "/tmp/listener --name " + evil, "nobody", 65534,
                    List.of());
            SocketRecord s = ReportFixtures.listener(Protocol.TCP, "127.0.0.1", port++, 4242, p,
                    new SocketOptions(true, true, null, null));
            sockets.add(s);
            findings.add(new Finding("LINUX-REUSEPORT-GROUP", Severity.HIGH, FindingSubject.of(s), Attacker.SAME_USER,
                    evil, "Process " + evil + " listens with SO_REUSEPORT.", evil, List.of(evil), false));
        }
        return new Audit(ReportFixtures.scan("crowded-host", sockets), findings);
    }

    /** The tables as written through the exporter: the zip's entries and the two files of a .csv name. */
    private Map<String, String> tables() throws IOException {
        ReportExporter exporter = new ReportExporter(RuleDescriptions.fromFindings());
        Map<String, String> tables = new LinkedHashMap<>();
        Path zip = dir.resolve("r.zip");
        exporter.export(hostile(), List.of(), ReportOptions.of(ReportFormat.CSV), zip);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                tables.put("zip:" + e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        for (Path file : exporter.export(hostile(), List.of(), ReportOptions.of(ReportFormat.CSV), dir.resolve("r.csv"))) {
            tables.put(file.getFileName().toString(), Files.readString(file));
        }
        assertThat(tables).hasSize(4);
        return tables;
    }

    @Test
    void noSpreadsheetOfAnyLocaleSeesAFormula() throws IOException {
        for (Map.Entry<String, String> table : tables().entrySet()) {
            String text = table.getValue().substring(Csv.BOM.length());
            assertThat(text).as(table.getKey()).contains("\"x;'=cmd|' /C calc'!A0;\"");
            // A spreadsheet splits at its list separator (, ; or tab) and at line ends, and may ignore our quotes
            // (Excel in a ; locale does: the quotes are in the middle of its field). No piece may start a formula,
            // even after the quotes a reader strips.
            for (String separator : List.of(",", ";", "\t")) {
                for (String piece : text.split("[\r\n" + separator + "]", -1)) {
                    String value = piece.replaceFirst("^\"+", "");
                    assertThat(value).as(table.getKey() + " split at " + (int) separator.charAt(0) + ": " + piece)
                            .doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
                }
            }
        }
    }

    @Test
    void everyFieldWithASeparatorIsQuotedAndEveryValueComesBackExactly() throws IOException {
        for (Map.Entry<String, String> table : tables().entrySet()) {
            List<List<String>> rows = CsvReader.parse(table.getValue().substring(Csv.BOM.length()));
            List<String> header = rows.get(0);
            boolean sockets = header.equals(CsvReport.SOCKET_COLUMNS);
            List<String> values = rows.subList(1, rows.size()).stream()
                    .map(r -> Csv.restore(r.get(header.indexOf(sockets ? "process" : "title")))).toList();
            assertThat(values).as(table.getKey()).containsExactlyInAnyOrderElementsOf(HOSTILE);
            if (sockets) {
                assertThat(rows.subList(1, rows.size()).stream().map(r -> Csv.restore(r.get(header.indexOf("command_line")))))
                        .containsExactlyInAnyOrderElementsOf(HOSTILE.stream().map(v -> "/tmp/listener --name " + v).toList());
                // Numbers and addresses are written exactly.
                assertThat(rows.subList(1, rows.size())).allSatisfy(r -> {
                    assertThat(r.get(header.indexOf("local_address"))).isEqualTo("127.0.0.1");
                    assertThat(r.get(header.indexOf("uid"))).isEqualTo("65534");
                    assertThat(r.get(header.indexOf("pid"))).isEqualTo("4242");
                });
            }
        }
    }

    @Test
    void theUndoRuleInvertsNeutralisationForAnyText() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        String alphabet = ",;\t\r\n=+-@'\"ab ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String original = text.toString();
            String cell = Csv.neutralise(original);
            assertThat(Csv.restore(cell)).as("seed " + seed + ": " + original).isEqualTo(original);
            boolean partStart = true;
            for (char c : cell.toCharArray()) {
                assertThat(partStart && "=+-@\t\r\"".indexOf(c) >= 0).as("seed " + seed + ": " + cell).isFalse();
                partStart = Csv.SEPARATORS.indexOf(c) >= 0;
            }
        }
    }
}
