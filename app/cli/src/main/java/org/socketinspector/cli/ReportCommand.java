package org.socketinspector.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.socketinspector.input.InputLimits;
import org.socketinspector.inspect.Inspector;
import org.socketinspector.inspect.Target;
import org.socketinspector.report.ExperimentHistory;
import org.socketinspector.report.ExperimentSummary;
import org.socketinspector.report.PageSize;
import org.socketinspector.report.ReportExporter;
import org.socketinspector.report.ReportFormat;
import org.socketinspector.report.ReportOptions;
import org.socketinspector.output.OutputFile;
import org.socketinspector.text.TerminalText;
import org.socketinspector.report.RuleDescriptions;
import org.socketinspector.history.HistoryId;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.history.RunType;
import org.socketinspector.rules.Audit;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code report}: exports one machine's audit as HTML, PDF, CSV or JSON; {@code report merge} makes a fleet report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes an audit report (HTML, PDF, CSV or JSON) of this machine, a saved scan or audit.",
        subcommands = {ReportMergeCommand.class})
public final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // Not required = true: picocli would then demand them before "report merge" too; checked in call().
    @Option(names = "--format", paramLabel = ReportFormat.LABEL, converter = FormatConverter.class,
            completionCandidates = ReportFormat.Names.class, description = "one of: ${COMPLETION-CANDIDATES}")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "the file to write, - for standard output (csv: NAME.zip, "
            + "or NAME-sockets.csv and NAME-findings.csv next to NAME.csv; a device or - gets the zip)")
    Path output;

    @Mixin
    ScanOptions scanOptions;

    @Mixin
    DbOption db;

    @Mixin
    IdleTimeoutOption idle;

    @ArgGroup(exclusive = true)
    Source source;

    static final class Source {
        @Option(names = "--input", paramLabel = "FILE", description = "a saved audit JSON (reported as saved) or scan JSON (audited "
                + "first); without --input and --history this machine is scanned and audited")
        Path input;

        @Option(names = "--history", paramLabel = "ID", converter = HistoryIdConverter.class, description = "a saved scan from the history, e.g. S3 "
                + "(reported as saved, with the findings it was saved with)")
        HistoryId historyId;
    }

    @Option(names = "--include-experiments", description = "show under each finding the experiments in the history "
            + "(same host, same rule and endpoint) that confirmed or refuted it")
    boolean includeExperiments;

    @Option(names = "--redact", description = "mask command-line arguments that look like secrets")
    boolean redact;

    @Option(names = "--redact-users", description = "also replace user names (implies --redact)")
    boolean redactUsers;

    @Option(names = "--page-size", paramLabel = "a4|letter", defaultValue = "a4", converter = PageSizeConverter.class,
            description = "PDF paper: a4 (default) or letter")
    PageSize pageSize;

    @Override
    public Integer call() throws Exception {
        if (format == null || output == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required options: --format and --output");
        }
        Audit audit = audit();
        List<ExperimentSummary> experiments = List.of();
        if (includeExperiments) {
            try (HistoryStore store = db.openForReading()) {
                experiments = ExperimentHistory.of(store.experiments(audit.scan().host().name(),
                        ExperimentHistory.MAX_RUNS));
            }
        }
        ReportOptions options = new ReportOptions(format, pageSize, includeExperiments, redact || redactUsers,
                redactUsers);
        List<Path> written;
        ReportExporter exporter = new ReportExporter(RuleDescriptions.engine());
        try {
            if (StandardOutput.isDash(output)) {
                List<ExperimentSummary> shown = experiments;
                OutputFile.Content content = out -> exporter.export(audit, shown, options, out);
                if (format.binary()) {
                    StandardOutput.binary(spec, content);
                } else {
                    StandardOutput.text(spec, content);
                }
                return SocketInspectorCommand.EXIT_OK;
            }
            written = exporter.export(audit, experiments, options, output);
        } catch (IllegalArgumentException e) {
            String from = source == null ? "the live scan" : source.input != null ? source.input.toString()
                    : source.historyId.toString();
            throw new IllegalArgumentException(from + ": " + e.getMessage(), e);
        }
        written.forEach(p -> spec.commandLine().getOut().println(TerminalText.escape(p.toString())));
        return SocketInspectorCommand.EXIT_OK;
    }

    private Audit audit() throws Exception {
        Inspector inspector = scanOptions.inspector();
        if (source != null && source.input != null) {
            return inspector.inspect(new Target.Document(source.input, idle.applyTo(InputLimits.JSON),
                    Target.SavedFindings.KEEP)).audit();
        }
        if (source != null && source.historyId != null) {
            HistoryId id = source.historyId;
            if (id.type() != RunType.SNAPSHOT) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--history: " + id + " is an experiment;"
                        + " --history takes a saved scan's id (S…), see 'history list'");
            }
            try (HistoryStore store = db.openForReading()) {
                return inspector.inspect(new Target.Snapshot(store, id)).audit();
            }
        }
        return inspector.inspect(scanOptions.target()).audit();
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.fromWireName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
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
