package org.socketinspector.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.socketinspector.model.Endpoints;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.FindingSubject;
import org.socketinspector.rules.Severity;

/** Turns an audit (and, when asked, the experiments from history) into the {@link Report} every format renders. */
public final class ReportBuilder {

    static final int TOP_PORTS = 10;
    static final int CHART_BARS = 15;

    private final RuleDescriptions descriptions;

    public ReportBuilder(RuleDescriptions descriptions) {
        this.descriptions = descriptions;
    }

    /** A report without experiments. */
    public Report build(Audit audit, List<String> redactions) {
        return build(audit, List.of(), false, redactions);
    }

    public Report build(Audit audit, List<ExperimentSummary> experiments, boolean includeExperiments,
                        List<String> redactions) {
        Scan scan = audit.scan();
        check(audit);
        List<Finding> findings = audit.findings().stream().sorted(Orders.FINDINGS).toList();
        List<SocketRecord> sockets = scan.sockets().stream().sorted(Orders.SOCKETS).toList();
        return new Report(audit, header(scan, redactions), summary(findings, sockets),
                reportFindings(findings, includeExperiments ? experiments : List.of()), sockets,
                appendix(findings), includeExperiments);
    }

    /** The contract's required fields that the report orders and groups by; a clear error names the one missing. */
    private static void check(Audit audit) {
        if (audit.scan().host() == null || audit.scan().tool() == null) {
            throw new IllegalArgumentException("field \"" + (audit.scan().host() == null ? "host" : "tool")
                    + "\" is missing");
        }
        for (int i = 0; i < audit.findings().size(); i++) {
            Finding f = audit.findings().get(i);
            String missing = f.rule() == null ? "rule" : f.severity() == null ? "severity" : f.socket() == null ? "socket" : null;
            if (missing != null) {
                throw new IllegalArgumentException("findings[" + i + "]: field \"" + missing + "\" is missing");
            }
        }
        for (int i = 0; i < audit.scan().sockets().size(); i++) {
            var s = audit.scan().sockets().get(i);
            String missing = s.protocol() == null ? "protocol" : s.family() == null ? "family"
                    : s.localAddress() == null ? "localAddress" : null;
            if (missing != null) {
                throw new IllegalArgumentException("sockets[" + i + "]: field \"" + missing + "\" is missing");
            }
        }
    }

    private static Report.Header header(Scan scan, List<String> redactions) {
        return new Report.Header(scan.host().name(), scan.host().os(), scan.host().osVersion(), scan.collectedAt(),
                scan.tool().name(), scan.tool().version(), scan.privileged(), scan.sources(), scan.limitations(),
                redactions);
    }

    private static Report.Summary summary(List<Finding> findings, List<SocketRecord> sockets) {
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity, 0);
        }
        findings.forEach(f -> bySeverity.merge(f.severity(), 1, Integer::sum));
        int suppressed = (int) findings.stream().filter(Finding::suppressed).count();
        List<SocketRecord> listeners = sockets.stream().filter(SocketRecord::isListening).toList();
        return new Report.Summary(sockets.size(), listeners.size(), bySeverity, suppressed,
                topRiskyPorts(findings, sockets), bars(listeners.stream()
                        .map(s -> s.process() == null || s.process().name() == null ? "(unknown)" : s.process().name())
                        .toList()),
                bars(findings.stream().map(Finding::rule).toList()));
    }

    /** Counts per label, largest first then by label; the rest folded into one "other" bar. */
    static List<Report.Bar> bars(List<String> labels) {
        Map<String, Integer> counts = new TreeMap<>();
        labels.forEach(l -> counts.merge(l, 1, Integer::sum));
        List<Report.Bar> all = counts.entrySet().stream()
                .map(e -> new Report.Bar(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(Report.Bar::value).reversed().thenComparing(Report.Bar::label))
                .toList();
        if (all.size() <= CHART_BARS) {
            return all;
        }
        List<Report.Bar> shown = new ArrayList<>(all.subList(0, CHART_BARS - 1));
        int rest = all.subList(CHART_BARS - 1, all.size()).stream().mapToInt(Report.Bar::value).sum();
        shown.add(new Report.Bar("(" + (all.size() - CHART_BARS + 1) + " others)", rest));
        return shown;
    }

    private static List<Report.RiskyPort> topRiskyPorts(List<Finding> findings, List<SocketRecord> sockets) {
        SubjectIndex index = SubjectIndex.of(sockets, List.of());
        Map<FindingSubject, List<Finding>> bySubject = findings.stream()
                .filter(f -> !f.socket().isHost() && !f.suppressed())
                .collect(Collectors.groupingBy(Finding::socket, LinkedHashMap::new, Collectors.toList()));
        return bySubject.entrySet().stream()
                .map(e -> riskyPort(e.getKey(), e.getValue(), index))
                .sorted(Comparator.comparing(Report.RiskyPort::worst)
                        .thenComparing(Comparator.comparingInt(Report.RiskyPort::findings).reversed())
                        .thenComparingInt(Report.RiskyPort::port)
                        .thenComparing(Report.RiskyPort::endpoint)
                        .thenComparing(Report.RiskyPort::protocol))
                .limit(TOP_PORTS)
                .toList();
    }

    private static Report.RiskyPort riskyPort(FindingSubject subject, List<Finding> findings, SubjectIndex index) {
        Severity worst = findings.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElseThrow();
        String process = index.processName(subject);
        return new Report.RiskyPort(subject.protocol().wireName(), subject.localPort(),
                Endpoints.format(subject.localAddress(), subject.localPort()),
                process == null ? (subject.pid() == null ? "(unknown)" : "pid " + subject.pid()) : process,
                worst, findings.size());
    }

    private static List<Report.ReportFinding> reportFindings(List<Finding> findings, List<ExperimentSummary> experiments) {
        // Experiments indexed once by what they can test (rule and endpoint; a lab replay by rule), so that
        // thousands of findings do not each scan every experiment (issue 18 defect 8).
        Map<ExperimentKey, List<Integer>> byKey = new HashMap<>();
        for (int i = 0; i < experiments.size(); i++) {
            ExperimentSummary e = experiments.get(i);
            byKey.computeIfAbsent(ExperimentKey.of(e.rule(), e.subject()), k -> new ArrayList<>()).add(i);
        }
        List<Report.ReportFinding> result = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            List<Integer> candidates = new ArrayList<>(byKey.getOrDefault(ExperimentKey.of(finding.rule(), finding.socket()),
                    List.of()));
            candidates.addAll(byKey.getOrDefault(ExperimentKey.of(finding.rule(), null), List.of()));
            List<ExperimentSummary> mine = candidates.stream().sorted().map(experiments::get).filter(e -> e.tests(finding))
                    .sorted(Comparator.comparing(ExperimentSummary::ranAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                            .thenComparing(ExperimentSummary::experiment, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
            result.add(new Report.ReportFinding("finding-" + (i + 1), finding, mine));
        }
        return result;
    }

    /** What {@link ExperimentSummary#tests} compares: rule, and host or endpoint without the pid; lab: rule only. */
    private record ExperimentKey(String rule, boolean lab, boolean host, Object protocol, String address, Integer port) {
        static ExperimentKey of(String rule, FindingSubject subject) {
            if (subject == null) {
                return new ExperimentKey(rule, true, false, null, null, null);
            }
            return subject.isHost() ? new ExperimentKey(rule, false, true, null, null, null)
                    : new ExperimentKey(rule, false, false, subject.protocol(), subject.localAddress(), subject.localPort());
        }
    }

    private List<RuleInfo> appendix(List<Finding> findings) {
        Map<String, List<Finding>> byRule = findings.stream()
                .collect(Collectors.groupingBy(Finding::rule, TreeMap::new, Collectors.toList()));
        return byRule.entrySet().stream()
                .map(e -> descriptions.describe(e.getKey()).orElseGet(() -> RuleDescriptions.fallback(e.getKey(), e.getValue())))
                .toList();
    }
}
