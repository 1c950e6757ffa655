package org.socketinspector.report;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.socketinspector.json.ScanJson;
import org.socketinspector.rules.Audit;

/**
 * The one entry point the CLI and the GUI use: redact, build the {@link Report}, write it in the asked format.
 * Blocking; the GUI runs it off the FX thread.
 */
public final class ReportExporter {

    private final RuleDescriptions descriptions;

    public ReportExporter(RuleDescriptions descriptions) {
        this.descriptions = descriptions;
    }

    RuleDescriptions descriptions() {
        return descriptions;
    }

    /** The report model as it would be exported (redacted when asked). */
    public Report prepare(Audit audit, List<ExperimentSummary> experiments, ReportOptions options) {
        List<String> redactions = new ArrayList<>();
        Audit input = options.redact() || options.redactUsers()
                ? new Redactor(options.redactUsers()).redact(audit, redactions) : audit;
        return new ReportBuilder(descriptions).build(input, experiments, options.includeExperiments(), redactions);
    }

    /**
     * Writes the report; returns the files written. CSV writes {@code NAME.zip} holding sockets.csv and
     * findings.csv when the output ends in .zip, else {@code NAME-sockets.csv} and {@code NAME-findings.csv}.
     */
    public List<Path> export(Audit audit, List<ExperimentSummary> experiments, ReportOptions options, Path output)
            throws IOException {
        Report report = prepare(audit, experiments, options);
        switch (options.format()) {
            case HTML -> {
                try (Writer w = writer(output)) {
                    HtmlReport.screen().write(report, w);
                }
            }
            case PDF -> {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
                    new PdfReport(options.pageSize()).write(report, out);
                }
            }
            case JSON -> {
                try (Writer w = writer(output)) {
                    w.write(ScanJson.write(report.audit()));
                    w.write('\n');
                }
            }
            case CSV -> {
                return csv(report, output);
            }
        }
        return List.of(output);
    }

    private static List<Path> csv(Report report, Path output) throws IOException {
        String host = report.header().host();
        String name = output.getFileName().toString();
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(output)))) {
                Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
                entry(zip, "sockets.csv", report.header().collectedAt());
                CsvReport.socketHeader(w);
                CsvReport.sockets(w, host, report.sockets(), report.audit().findings());
                w.flush();
                entry(zip, "findings.csv", report.header().collectedAt());
                CsvReport.findingHeader(w);
                CsvReport.findings(w, host, report.findings(), report.sockets());
                w.flush();
            }
            return List.of(output);
        }
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        Path sockets = output.resolveSibling(base + "-sockets.csv");
        Path findings = output.resolveSibling(base + "-findings.csv");
        try (Writer w = writer(sockets)) {
            CsvReport.socketHeader(w);
            CsvReport.sockets(w, host, report.sockets(), report.audit().findings());
        }
        try (Writer w = writer(findings)) {
            CsvReport.findingHeader(w);
            CsvReport.findings(w, host, report.findings(), report.sockets());
        }
        return List.of(sockets, findings);
    }

    /** A zip entry with a fixed time (the scan's), so the same report gives the same zip. */
    static void entry(ZipOutputStream zip, String name, Instant time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(LocalDateTime.ofInstant(time == null ? Instant.parse("1980-01-01T00:00:00Z") : time,
                ZoneOffset.UTC));
        zip.putNextEntry(entry);
    }

    static Writer writer(Path path) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), 1 << 16);
    }
}
