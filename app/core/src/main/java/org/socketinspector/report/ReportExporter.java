package org.socketinspector.report;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.socketinspector.json.ScanJson;
import org.socketinspector.output.OutputFile;
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
     * findings.csv when the output ends in .zip or is a device (no sibling files under /dev), else
     * {@code NAME-sockets.csv} and {@code NAME-findings.csv}. Each file is replaced atomically ({@link OutputFile}).
     */
    public List<Path> export(Audit audit, List<ExperimentSummary> experiments, ReportOptions options, Path output)
            throws IOException {
        Report report = prepare(audit, experiments, options);
        if (options.format() == ReportFormat.CSV && !isZip(output) && !OutputFile.isSpecial(output)) {
            return csvFiles(report, output);
        }
        OutputFile.write(output, out -> write(report, options, out));
        return List.of(output);
    }

    /** Writes the report to a stream (standard output for {@code --output -}); CSV as the zip. Not closed. */
    public void export(Audit audit, List<ExperimentSummary> experiments, ReportOptions options, OutputStream out)
            throws IOException {
        write(prepare(audit, experiments, options), options, out);
    }

    private static void write(Report report, ReportOptions options, OutputStream stream) throws IOException {
        OutputStream out = new BufferedOutputStream(stream, 1 << 16);
        switch (options.format()) {
            case HTML -> {
                Writer w = writer(out);
                HtmlReport.screen().write(report, w);
                w.flush();
            }
            case PDF -> new PdfReport(options.pageSize()).write(report, out);
            case JSON -> {
                Writer w = writer(out);
                w.write(ScanJson.write(report.audit()));
                w.write('\n');
                w.flush();
            }
            case CSV -> csvZip(report, out);
        }
        out.flush();
    }

    static boolean isZip(Path output) {
        return output.getFileName() != null
                && output.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }

    private static void csvZip(Report report, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        entry(zip, "sockets.csv", report.header().collectedAt());
        CsvReport.socketHeader(w);
        CsvReport.sockets(w, report.header().host(), report.sockets(), report.audit().findings());
        w.flush();
        entry(zip, "findings.csv", report.header().collectedAt());
        CsvReport.findingHeader(w);
        CsvReport.findings(w, report.header().host(), report.findings(), report.sockets());
        w.flush();
        zip.finish();
    }

    private static List<Path> csvFiles(Report report, Path output) throws IOException {
        String host = report.header().host();
        String name = output.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        Path sockets = output.resolveSibling(base + "-sockets.csv");
        Path findings = output.resolveSibling(base + "-findings.csv");
        OutputFile.write(sockets, out -> {
            Writer w = writer(out);
            CsvReport.socketHeader(w);
            CsvReport.sockets(w, host, report.sockets(), report.audit().findings());
            w.flush();
        });
        OutputFile.write(findings, out -> {
            Writer w = writer(out);
            CsvReport.findingHeader(w);
            CsvReport.findings(w, host, report.findings(), report.sockets());
            w.flush();
        });
        return List.of(sockets, findings);
    }

    /** A zip entry with a fixed time (the scan's), so the same report gives the same zip. */
    static void entry(ZipOutputStream zip, String name, Instant time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(LocalDateTime.ofInstant(time == null ? Instant.parse("1980-01-01T00:00:00Z") : time,
                ZoneOffset.UTC));
        zip.putNextEntry(entry);
    }

    /** A UTF-8 writer over a stream the caller closes (flush it). */
    static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }
}
