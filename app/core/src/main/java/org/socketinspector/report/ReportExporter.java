package org.socketinspector.report;

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
     * Writes the report in its format ({@link ReportFormat}'s writer); returns the files written. CSV writes
     * {@code NAME.zip} holding sockets.csv and findings.csv when the output ends in .zip or is a device (no sibling
     * files under /dev), else {@code NAME-sockets.csv} and {@code NAME-findings.csv}. Each file is replaced
     * atomically ({@link OutputFile}).
     */
    public List<Path> export(Audit audit, List<ExperimentSummary> experiments, ReportOptions options, Path output)
            throws IOException {
        return options.format().writer().write(prepare(audit, experiments, options), options, output);
    }

    /** Writes the report to a stream (standard output for {@code --output -}); CSV as the zip. Not closed. */
    public void export(Audit audit, List<ExperimentSummary> experiments, ReportOptions options, OutputStream out)
            throws IOException {
        Report report = prepare(audit, experiments, options);
        FormatWriter.buffered(out, b -> options.format().writer().write(report, options, b));
    }

    static boolean isZip(Path output) {
        return output.getFileName() != null
                && output.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
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
