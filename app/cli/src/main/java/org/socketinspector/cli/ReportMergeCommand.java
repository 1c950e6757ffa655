package org.socketinspector.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.socketinspector.collect.Platform;
import org.socketinspector.input.InputLimits;
import org.socketinspector.inspect.Inspector;
import org.socketinspector.inspect.Target;
import org.socketinspector.report.Fleet;
import org.socketinspector.report.FleetReport;
import org.socketinspector.text.TerminalText;
import org.socketinspector.report.PageSize;
import org.socketinspector.report.ReportExporter;
import org.socketinspector.report.ReportFormat;
import org.socketinspector.report.ReportOptions;
import org.socketinspector.report.RuleDescriptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code report merge a.json b.json …}: one fleet report from many hosts' audit JSON. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combines many hosts' audit (or scan) JSON files into one fleet report.")
public final class ReportMergeCommand implements Callable<Integer> {

    private final Inspector inspector;

    ReportMergeCommand(Platform platform) {
        this.inspector = new Inspector(platform);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "AUDIT_JSON", description = "audit or scan JSON files, one per host")
    List<Path> inputs;

    @Option(names = "--format", paramLabel = ReportFormat.LABEL, required = true, converter = ReportCommand.FormatConverter.class,
            completionCandidates = ReportFormat.Names.class, description = "one of: ${COMPLETION-CANDIDATES}")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE", required = true, description = "the file to write, - for standard output")
    Path output;

    @Option(names = "--redact", description = "mask command-line arguments that look like secrets")
    boolean redact;

    @Option(names = "--redact-users", description = "also replace user names (implies --redact)")
    boolean redactUsers;

    @Option(names = "--page-size", paramLabel = "a4|letter", defaultValue = "a4", converter = ReportCommand.PageSizeConverter.class,
            description = "PDF paper: a4 (default) or letter")
    PageSize pageSize;

    @Mixin
    IdleTimeoutOption idle;

    @Override
    public Integer call() throws Exception {
        ReportOptions options = new ReportOptions(format, pageSize, false, redact || redactUsers, redactUsers);
        Fleet fleet = Fleet.scan(inputs, file -> inspector.inspect(new Target.Document(file,
                idle.applyTo(InputLimits.JSON), Target.SavedFindings.KEEP)).audit(), new ReportExporter(RuleDescriptions.engine()), options);
        FleetReport report = new FleetReport(fleet, options);
        if (StandardOutput.isDash(output)) {
            if (format.binary()) {
                StandardOutput.binary(spec, report::write);
            } else {
                StandardOutput.text(spec, report::write);
            }
        } else {
            report.write(output).forEach(p -> spec.commandLine().getOut().println(TerminalText.escape(p.toString())));
        }
        return SocketInspectorCommand.EXIT_OK;
    }
}
