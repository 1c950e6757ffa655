package org.socketinspector.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
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
 * Issue 18 defect 8: one process of uid 65534 with 19,936 listeners made {@code report --format csv} take two minutes
 * (for each socket, every finding was scanned) and the PDF 3 GB. Linearity is checked by counting how often each
 * list is read, never by timing; the PDF by what it says it left out. bench/report-scale.sh measures 20,000 sockets.
 */
class ReportScaleTest {

    /** A list that counts its reads (every stream, loop and iterator over an AbstractList goes through get). */
    static final class Counting<T> extends AbstractList<T> implements RandomAccess {
        private final List<T> items;
        long reads;

        Counting(List<T> items) {
            this.items = items;
        }

        @Override
        public T get(int index) {
            reads++;
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }
    }

    /** {@code n} listeners of one uid-65534 process, a finding on each and a second one on every other socket. */
    static Audit crowded(int n) {
        ProcessInfo p = ReportFixtures.process("listener", "/tmp/listener --many", "nobody", 65534);
        List<SocketRecord> sockets = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SocketRecord s = ReportFixtures.listener(Protocol.TCP, i % 2 == 0 ? "127.0.0.1" : "::1", 20000 + i, 4242, p,
                    new SocketOptions(true, i % 2 == 0, null, null));
            sockets.add(s);
            findings.add(finding(i % 2 == 0 ? "LINUX-REUSEPORT-GROUP" : "LOCALHOST-FAMILY-SHADOW",
                    i % 2 == 0 ? Severity.HIGH : Severity.MEDIUM, s));
            if (i % 2 == 0) {
                findings.add(finding("LOCALHOST-FAMILY-SHADOW", Severity.MEDIUM, s));
            }
        }
        return new Audit(ReportFixtures.scan("crowded-host", sockets), findings);
    }

    private static Finding finding(String rule, Severity severity, SocketRecord s) {
        return new Finding(rule, severity, FindingSubject.of(s), Attacker.SAME_USER, rule + " on port " + s.localPort(),
                "listener (pid 4242, user nobody) listens on port " + s.localPort() + ".", "Do not.", List.of("ref"), false);
    }

    @Test
    void csvTablesReadEachListAConstantNumberOfTimesPerRow() throws IOException {
        int n = 2_000;
        Audit audit = crowded(n);
        Report report = new ReportBuilder(RuleDescriptions.fromFindings()).build(audit, List.of());
        Counting<SocketRecord> sockets = new Counting<>(report.sockets());
        Counting<Finding> findings = new Counting<>(audit.findings());

        CsvReport.sockets(Writer.nullWriter(), "h", sockets, findings);
        // Before the fix: every finding for each socket, n * 1.5 n = 6,000,000 reads.
        assertThat(findings.reads).isLessThanOrEqualTo(2L * findings.size());
        assertThat(sockets.reads).isLessThanOrEqualTo(2L * sockets.size());

        sockets.reads = 0;
        Counting<Report.ReportFinding> reportFindings = new Counting<>(report.findings());
        CsvReport.findings(Writer.nullWriter(), "h", reportFindings, sockets);
        assertThat(sockets.reads).isLessThanOrEqualTo(2L * sockets.size());
        assertThat(reportFindings.reads).isLessThanOrEqualTo(2L * reportFindings.size());
    }

    @Test
    void experimentsAreMatchedToFindingsWithoutScanningAllOfThemForEach() {
        int n = 2_000;
        Audit audit = crowded(n);
        List<ExperimentSummary> probes = new ArrayList<>();
        for (Finding f : audit.findings()) {
            probes.add(new ExperimentSummary(f.rule(), f.socket(), ExperimentSummary.Verdict.CONFIRMED, "bind probe",
                    "second bind succeeded", ReportFixtures.TIME, "E1"));
        }
        Counting<ExperimentSummary> experiments = new Counting<>(probes);
        Report report = new ReportBuilder(RuleDescriptions.fromFindings()).build(audit, experiments, true, List.of());

        assertThat(report.findings()).allSatisfy(f -> assertThat(f.experiments()).hasSize(1));
        // Before: each finding scanned every experiment, 3,000 * 3,000 reads.
        assertThat(experiments.reads).isLessThanOrEqualTo(3L * experiments.size());
    }

    @Test
    void aPdfOfACrowdedHostIsCappedAndSaysWhatItLeavesOut() throws IOException {
        Audit audit = crowded(300);
        Report report = new ReportBuilder(RuleDescriptions.fromFindings()).build(audit, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReport(PageSize.A4, new PdfLimits(50, 1, 40)).write(report, out);

        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("This PDF shows the 50 sockets with the most severe findings of 300; 250 more "
                    + "sockets are in the CSV and JSON reports.");
            assertThat(text).contains("This PDF groups the 450 findings by rule: 1 shown in full, 40 as table rows; "
                    + "409 more are left out for size and are in the CSV and JSON reports of the same scan.");
            assertThat(text).contains("109 more findings of this rule are in the CSV and JSON reports.")
                    .contains("300 more findings of this rule are in the CSV and JSON reports.");
            // The sockets shown are those with the most severe findings: the SO_REUSEPORT ones (even ports).
            assertThat(text).contains("20098").doesNotContain("20099 ").doesNotContain("20100 ");
            assertThat(pdf.getNumberOfPages()).isLessThan(15);
        }
    }
}
