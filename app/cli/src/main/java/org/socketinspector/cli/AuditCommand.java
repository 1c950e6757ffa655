package org.socketinspector.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.socketinspector.json.Json;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.Endpoints;
import org.socketinspector.model.Scan;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Baseline;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.RuleEngine;
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
                "3:a finding that is not suppressed reached --fail-on"})
public final class AuditCommand implements Callable<Integer> {

    @Mixin
    ScanOptions scanOptions;

    @Option(names = "--json", description = "Print the audit JSON contract (socket-inspector/audit/1): the scan with a findings array.")
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Audit audit = RuleEngine.audit(scan());
        if (baseline != null) {
            audit = readBaseline(baseline).apply(audit);
        }
        if (writeBaseline != null) {
            Files.writeString(writeBaseline, Json.pretty().writeValueAsString(Baseline.of(audit).accepted())
                    + System.lineSeparator(), StandardCharsets.UTF_8);
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
        return reached ? SocketInspectorCommand.EXIT_FINDINGS : SocketInspectorCommand.EXIT_OK;
    }

    private Scan scan() throws Exception {
        if (input == null) {
            return scanOptions.collect();
        }
        try {
            return ImportCommand.read(input, null, scanOptions.request().includeConnections());
        } catch (IOException e) {
            throw new IOException(input + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static Baseline readBaseline(Path file) throws IOException {
        try {
            List<Baseline.Entry> entries = Json.mapper().readValue(Files.readString(file, StandardCharsets.UTF_8),
                    new TypeReference<List<Baseline.Entry>>() { });
            return new Baseline(entries);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + ": not a baseline (a JSON list of {\"rule\", \"port\", \"process\"}): "
                    + e.getOriginalMessage(), e);
        }
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
                    .append(scan.privileged() ? "" : "; not privileged: run elevated to see every owner and option")
                    .append('\n');
            scan.limitations().forEach(l -> s.append("limitation: ").append(l).append('\n'));
            return s.toString();
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
                s.append("  [").append(f.rule()).append("] ").append(f.title())
                        .append(" (attacker: ").append(f.attacker().wireName()).append(")\n")
                        .append("      ").append(f.explanation()).append('\n')
                        .append("      fix: ").append(f.remediation()).append('\n');
                return;
            }
            String sockets = group.stream().map(g -> g.socket().protocol().name() + " "
                    + Endpoints.format(g.socket().localAddress(), g.socket().localPort())).collect(Collectors.joining(", "));
            s.append("  [").append(f.rule()).append("] ").append(withoutPort(f.title(), f)).append(" — ")
                    .append(group.size()).append(" sockets of one process").append(" (attacker: ")
                    .append(f.attacker().wireName()).append(")\n")
                    .append("      sockets: ").append(sockets).append('\n')
                    .append("      ").append(withoutPort(f.explanation(), f)).append('\n')
                    .append("      fix (each on its own port): ").append(withoutPort(f.remediation(), f)).append('\n');
        }
    }
}
