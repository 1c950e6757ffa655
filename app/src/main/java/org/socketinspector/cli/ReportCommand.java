package org.socketinspector.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.socketinspector.json.ScanJson;
import org.socketinspector.report.PageSize;
import org.socketinspector.report.ReportExporter;
import org.socketinspector.report.ReportFormat;
import org.socketinspector.report.ReportOptions;
import org.socketinspector.report.RuleCatalog;
import org.socketinspector.rules.Audit;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report}: exports one machine's audit as HTML, PDF, CSV or JSON; {@code report merge} makes a fleet report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes an audit report (HTML, PDF, CSV or JSON) of a saved scan or audit.",
        subcommands = {ReportMergeCommand.class})
public final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", required = true, converter = FormatConverter.class,
            description = "html, pdf, csv or json")
    ReportFormat format;

    @Option(names = "--output", required = true, description = "the file to write (csv: NAME.zip, or NAME-sockets.csv "
            + "and NAME-findings.csv next to NAME.csv)")
    Path output;

    @ArgGroup(exclusive = true)
    Source source;

    static final class Source {
        @Option(names = "--input", description = "a scan or audit JSON file (socket-inspector/scan/1 or audit/1)")
        Path input;

        @Option(names = "--history", description = "a scan from the history store, by id")
        String historyId;
    }

    @Option(names = "--include-experiments", description = "show the experiments from history under each finding")
    boolean includeExperiments;

    @Option(names = "--redact", description = "mask command-line arguments that look like secrets")
    boolean redact;

    @Option(names = "--redact-users", description = "also replace user names (implies --redact)")
    boolean redactUsers;

    @Option(names = "--page-size", defaultValue = "a4", converter = PageSizeConverter.class,
            description = "PDF paper: a4 (default) or letter")
    PageSize pageSize;

    @Override
    public Integer call() throws Exception {
        if (source == null || source.input == null && source.historyId == null) {
            throw new IllegalStateException("a live scan is not available in this build yet (it needs the collector "
                    + "and the rule engine); pass --input FILE with a scan or audit JSON");
        }
        if (source.historyId != null) {
            throw new IllegalStateException("--history is not available in this build yet (it needs the history "
                    + "store); export the scan as JSON and pass --input FILE");
        }
        Audit audit = read(source.input);
        if (audit.findings().isEmpty() && !isAudit(source.input)) {
            spec.commandLine().getErr().println("socket-inspector: " + source.input
                    + " is a scan without findings; the report lists its sockets and no findings");
        }
        ReportOptions options = new ReportOptions(format, pageSize, includeExperiments, redact || redactUsers,
                redactUsers);
        List<Path> written = new ReportExporter(RuleCatalog.fromFindings()).export(audit, List.of(), options, output);
        written.forEach(p -> spec.commandLine().getOut().println(p));
        return SocketInspectorCommand.EXIT_OK;
    }

    /** Reads a scan or audit JSON file; errors name the file. */
    static Audit read(Path file) throws IOException {
        try {
            return ScanJson.read(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (ScanJson.InvalidJsonException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isAudit(Path file) throws IOException {
        return Files.readString(file).contains(Audit.SCHEMA);
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.fromWireName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected html, pdf, csv or json, found '" + value + "'");
            }
        }
    }

    static final class PageSizeConverter implements CommandLine.ITypeConverter<PageSize> {
        @Override
        public PageSize convert(String value) {
            try {
                return PageSize.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected a4 or letter, found '" + value + "'");
            }
        }
    }
}
