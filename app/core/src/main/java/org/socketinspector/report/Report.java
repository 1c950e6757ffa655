package org.socketinspector.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.Severity;

/**
 * Everything one report shows, in display order; every format renders this same model. Built by
 * {@link ReportBuilder}; it holds no "now": the same audit gives the same report.
 *
 * @param audit     the (possibly redacted) audit it was built from, in its input order (see {@link #sortedAudit})
 * @param header    who, what and when
 * @param summary   counts and chart data
 * @param findings  every finding, most severe first, each with its experiments
 * @param sockets   the full socket table in a stable order
 * @param appendix  one explanation per rule that has a finding, by rule id
 * @param experimentsIncluded whether experiments were asked for (so "none" means none, not "not asked")
 */
public record Report(Audit audit, Header header, Summary summary, List<ReportFinding> findings,
                     List<SocketRecord> sockets, List<RuleInfo> appendix, boolean experimentsIncluded) {

    public Report {
        findings = List.copyOf(findings);
        sockets = List.copyOf(sockets);
        appendix = List.copyOf(appendix);
    }

    /**
     * The audit in the report's order (sockets, then findings as {@link Orders} sorts them): what the JSON format
     * writes, so the same audit in any order gives the same JSON, like every other format.
     */
    public Audit sortedAudit() {
        return new Audit(audit.scan().withSockets(sockets), findings.stream().map(ReportFinding::finding).toList());
    }

    /**
     * @param redactions one line per redaction applied, empty when none
     */
    public record Header(String host, String os, String osVersion, Instant collectedAt, String tool,
                         String toolVersion, boolean privileged, List<String> sources, List<String> limitations,
                         List<String> redactions) {
        public Header {
            sources = List.copyOf(sources);
            limitations = List.copyOf(limitations);
            redactions = List.copyOf(redactions);
        }
    }

    /**
     * @param bySeverity          finding counts for every severity, most severe first (suppressed ones included)
     * @param suppressed          how many findings a baseline accepts
     * @param topRiskyPorts       the ports with the most severe findings, at most {@link ReportBuilder#TOP_PORTS}
     * @param listenersPerProcess chart data: listening sockets per process name
     * @param findingsPerRule     chart data: findings per rule id
     */
    public record Summary(int sockets, int listeners, Map<Severity, Integer> bySeverity, int suppressed,
                          List<RiskyPort> topRiskyPorts, List<Bar> listenersPerProcess, List<Bar> findingsPerRule) {
        public Summary {
            bySeverity = Map.copyOf(bySeverity);
            topRiskyPorts = List.copyOf(topRiskyPorts);
            listenersPerProcess = List.copyOf(listenersPerProcess);
            findingsPerRule = List.copyOf(findingsPerRule);
        }

        public int findings() {
            return bySeverity.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int count(Severity severity) {
            return bySeverity.getOrDefault(severity, 0);
        }
    }

    /** A port with findings: the worst severity among them and how many there are. */
    public record RiskyPort(String protocol, int port, String endpoint, String process, Severity worst, int findings) {
    }

    /** One bar of a chart. */
    public record Bar(String label, int value) {
    }

    /** A finding with its anchor id (for links and the table of contents) and its experiments. */
    public record ReportFinding(String anchor, Finding finding, List<ExperimentSummary> experiments) {
        public ReportFinding {
            experiments = List.copyOf(experiments);
        }
    }
}
