package org.socketinspector.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipOutputStream;
import org.socketinspector.output.OutputFile;

/**
 * {@link ReportFormat#CSV}: two tables, sockets and findings. To a stream, a device or a {@code .zip} name: one zip
 * holding {@code sockets.csv} and {@code findings.csv}; to any other name: {@code NAME-sockets.csv} and
 * {@code NAME-findings.csv} beside it ({@code .csv} stripped), each replaced atomically.
 */
final class CsvFormat implements FormatWriter {

    /** One table's rows (after the header), written by one pass. */
    @FunctionalInterface
    interface Rows {
        void write(Writer out) throws IOException;
    }

    /** The two tables of a report or a fleet, and the time its zip entries carry. */
    record Tables(Instant time, Rows sockets, Rows findings) {
        static Tables of(Report report) {
            String host = report.header().host();
            return new Tables(report.header().collectedAt(),
                    w -> CsvReport.sockets(w, host, report.sockets(), report.audit().findings()),
                    w -> CsvReport.findings(w, host, report.findings(), report.sockets()));
        }
    }

    @Override
    public void write(Report report, ReportOptions options, OutputStream out) throws IOException {
        zip(Tables.of(report), out);
    }

    @Override
    public void write(FleetReport fleet, OutputStream out) throws IOException {
        zip(fleet.csvTables(), out);
    }

    @Override
    public List<Path> write(Report report, ReportOptions options, Path output) throws IOException {
        return files(Tables.of(report), output, () -> FormatWriter.super.write(report, options, output));
    }

    @Override
    public List<Path> write(FleetReport fleet, Path output) throws IOException {
        return files(fleet.csvTables(), output, () -> FormatWriter.super.write(fleet, output));
    }

    @FunctionalInterface
    private interface OneFile {
        List<Path> write() throws IOException;
    }

    private static List<Path> files(Tables tables, Path output, OneFile zip) throws IOException {
        if (ReportExporter.isZip(output) || OutputFile.isSpecial(output)) {
            return zip.write(); // no sibling files beside a device
        }
        String name = output.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        Path sockets = output.resolveSibling(base + "-sockets.csv");
        Path findings = output.resolveSibling(base + "-findings.csv");
        OutputFile.write(sockets,
                out -> FormatWriter.buffered(out, b -> table(b, CsvReport.SOCKET_COLUMNS, tables.sockets())));
        OutputFile.write(findings,
                out -> FormatWriter.buffered(out, b -> table(b, CsvReport.FINDING_COLUMNS, tables.findings())));
        return List.of(sockets, findings);
    }

    private static void table(OutputStream out, List<String> columns, Rows rows) throws IOException {
        Writer w = ReportExporter.writer(out);
        CsvReport.header(w, columns);
        rows.write(w);
        w.flush();
    }

    private static void zip(Tables tables, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        ReportExporter.entry(zip, "sockets.csv", tables.time());
        CsvReport.header(w, CsvReport.SOCKET_COLUMNS);
        tables.sockets().write(w);
        w.flush();
        ReportExporter.entry(zip, "findings.csv", tables.time());
        CsvReport.header(w, CsvReport.FINDING_COLUMNS);
        tables.findings().write(w);
        w.flush();
        zip.finish();
    }
}
