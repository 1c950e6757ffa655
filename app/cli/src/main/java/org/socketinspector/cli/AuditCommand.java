package org.socketinspector.cli;

import org.socketinspector.input.InputLimits;
import org.socketinspector.text.TerminalText;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.socketinspector.inspect.Baselines;
import org.socketinspector.inspect.Inspection;
import org.socketinspector.inspect.Target;
import org.socketinspector.json.Json;
import org.socketinspector.model.Scan;
import org.socketinspector.output.OutputFile;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.Endpoints;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Baseline;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audit}: the findings of a live scan or a saved scan, grouped by severity, or the audit JSON contract. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Says which sockets another local process could hijack, and what to do about it.",
                "Scans this machine, or reads a capture (scan/audit JSON, netstat, ss, lsof) with --input."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:nothing reached --fail-on", "1:failure (one line on stderr)", "2:usage error",
                "3:a finding that is not suppressed reached --fail-on",
                "5:incomplete: a live audit could not read the options or owners its rules need (e.g. not run as "
                        + "root); comes before 3. --allow-incomplete turns it off"})
public final class AuditCommand implements Callable<Integer> {

    @Mixin
    ScanOptions scanOptions;

    @Mixin
    IdleTimeoutOption idle;

    @Option(names = "--json", description = "Print the audit JSON contract (socket-inspector/audit/2): the scan with a findings array.")
    boolean json;

    @Option(names = "--fail-on", paramLabel = "high|medium|low",
            converter = SeverityConverter.class,
            description = "Exit with 3 when a finding that is not suppressed has at least this severity.")
    Severity failOn;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Accepted risks (JSON list of {rule, port, process}): matching findings are reported as suppressed.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Write a baseline accepting every current finding to FILE.")
    Path writeBaseline;

    @Option(names = "--input", paramLabel = "FILE",
            description = "Audit a capture instead of scanning this machine: a saved scan or audit JSON, or any "
                    + "format 'import' reads (Windows/Linux/macOS netstat, ss, lsof).")
    Path input;

    @Option(names = "--allow-incomplete", description = "Do not exit with 5 when this machine's audit is incomplete "
            + "(socket options or owners unreadable, e.g. without root); their findings show as INFO OPTIONS-UNKNOWN.")
    boolean allowIncomplete;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Inspection inspection = scanOptions.inspector().inspect(target());
        if (baseline != null) {
            inspection = inspection.with(Baselines.read(baseline, idle.applyTo(InputLimits.JSON)));
        }
        Audit audit = inspection.audit();
        if (writeBaseline != null) {
            OutputFile.writeString(writeBaseline, Json.pretty().writeValueAsString(Baseline.of(audit).accepted())
                    + System.lineSeparator());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ScanJson.write(audit));
        } else {
            out.print(AuditText.render(audit));
        }
        out.flush();
        boolean reached = failOn != null && audit.findings().stream()
                .anyMatch(f -> !f.suppressed() && f.severity().atLeast(failOn));
        Optional<Inspection.Incomplete> incomplete = inspection.incomplete();
        if (incomplete.isPresent() && !allowIncomplete) {
            // A HIGH risk whose options could not be read shows as INFO: without this, --fail-on high would pass.
            spec.commandLine().getErr().println("socket-inspector: incomplete audit: " + incomplete.get().describe()
                    + "; exit " + SocketInspectorCommand.EXIT_INCOMPLETE + " (--allow-incomplete to accept)");
            spec.commandLine().getErr().flush();
            return SocketInspectorCommand.EXIT_INCOMPLETE;
        }
        return reached ? SocketInspectorCommand.EXIT_FINDINGS : SocketInspectorCommand.EXIT_OK;
    }

    /** This machine, or the --input file; a saved audit given as input is audited again by this build's rules. */
    private Target target() {
        if (input == null) {
            return scanOptions.target();
        }
        return new Target.CaptureFile(input, null, scanOptions.request().includeConnections(),
                idle.applyTo(InputLimits.DEFAULT), Target.SavedFindings.RECOMPUTE);
    }

    static final class SeverityConverter implements CommandLine.ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            try {
                Severity s = Severity.fromWireName(value);
                if (s == Severity.INFO) {
                    throw new IllegalArgumentException();
                }
                return s;
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected high, medium or low but was '" + value + "'");
            }
        }
    }

    /**
     * The human-readable report: findings grouped by severity, suppressed ones last. Findings of one rule and one
     * process whose texts differ only in the port are printed once with the list of their sockets (a machine with
     * many loopback services would otherwise print the same fix for each); the JSON keeps one record per socket.
     */
    static final class AuditText {
        private AuditText() {
        }

        static String render(Audit audit) {
            StringBuilder s = new StringBuilder();
            List<Finding> active = audit.findings().stream().filter(f -> !f.suppressed()).toList();
            List<Finding> suppressed = audit.findings().stream().filter(Finding::suppressed).toList();
            for (Severity severity : Severity.values()) {
                List<Finding> group = active.stream().filter(f -> f.severity() == severity).toList();
                if (group.isEmpty()) {
                    continue;
                }
                s.append(severity.name()).append(" (").append(group.size()).append(")\n");
                alike(group).forEach(g -> finding(s, g));
                s.append('\n');
            }
            if (!suppressed.isEmpty()) {
                s.append("SUPPRESSED BY BASELINE (").append(suppressed.size()).append(")\n");
                alike(suppressed).forEach(g -> finding(s, g));
                s.append('\n');
            }
            Scan scan = audit.scan();
            s.append(active.size()).append(" findings, ").append(suppressed.size()).append(" suppressed, ")
                    .append(scan.sockets().size()).append(" sockets")
                    .append(capture(scan) ? "; capture-based: a capture carries no socket options, so risks that"
                            + " depend on them show as OPTIONS-UNKNOWN"
                            : scan.privileged() ? "" : "; not privileged: run elevated to see every owner and option")
                    .append('\n');
            scan.limitations().forEach(l -> s.append("limitation: ").append(TerminalText.escape(l)).append('\n'));
            return s.toString();
        }

        /** Read from a capture or a saved document, not from this machine now. */
        static boolean capture(Scan scan) {
            return scan.sources().stream().anyMatch(source -> source.startsWith("import:"));
        }

        /** Findings in groups of one rule, one process and the same text but for the port, in report order. */
        static List<List<Finding>> alike(List<Finding> findings) {
            Map<String, List<Finding>> groups = new LinkedHashMap<>();
            for (Finding f : findings) {
                String key = f.socket().isHost() ? "host " + groups.size() : f.rule() + "|" + f.socket().pid() + "|"
                        + f.socket().protocol() + "|" + f.attacker() + "|" + withoutPort(f.explanation(), f) + "|"
                        + withoutPort(f.remediation(), f) + "|" + withoutPort(f.title(), f);
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            }
            return List.copyOf(groups.values());
        }

        /** The text with this finding's port written as "<port>" (the socket's endpoint keeps its address). */
        private static String withoutPort(String text, Finding f) {
            return f.socket().localPort() == null ? text
                    : text.replaceAll("(?<![0-9])" + f.socket().localPort() + "(?![0-9])", "<port>");
        }

        private static void finding(StringBuilder s, List<Finding> group) {
            Finding f = group.get(0);
            if (group.size() == 1) {
                // Titles and explanations quote process names and users: escaped, one line each.
                s.append("  [").append(TerminalText.escape(f.rule())).append("] ").append(TerminalText.escape(f.title()))
                        .append(" (attacker: ").append(f.attacker().wireName()).append(")\n")
                        .append("      ").append(TerminalText.escape(f.explanation())).append('\n')
                        .append("      fix: ").append(TerminalText.escape(f.remediation())).append('\n');
                return;
            }
            String sockets = group.stream().map(g -> g.socket().protocol().name() + " "
                    + Endpoints.format(g.socket().localAddress(), g.socket().localPort())).collect(Collectors.joining(", "));
            s.append("  [").append(TerminalText.escape(f.rule())).append("] ")
                    .append(TerminalText.escape(withoutPort(f.title(), f))).append(" — ")
                    .append(group.size()).append(" sockets of one process").append(" (attacker: ")
                    .append(f.attacker().wireName()).append(")\n")
                    .append("      sockets: ").append(TerminalText.escape(sockets)).append('\n')
                    .append("      ").append(TerminalText.escape(withoutPort(f.explanation(), f))).append('\n')
                    .append("      fix (each on its own port): ")
                    .append(TerminalText.escape(withoutPort(f.remediation(), f))).append('\n');
        }
    }
}
