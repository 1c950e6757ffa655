package org.socketinspector.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.Severity;

/**
 * What a fleet report needs from every host before it can write anything: per-host counts and the findings grouped
 * by rule. Built in one pass that holds one audit at a time; the per-host sections are written in a second pass
 * ({@link #forEachHost}) that reads each file again, so memory stays flat however many hosts there are.
 */
public final class Fleet {

    /** Reads one host's audit; errors name the file. */
    @FunctionalInterface
    public interface AuditSource {
        Audit read(Path file) throws IOException;
    }

    @FunctionalInterface
    public interface HostVisitor {
        void visit(Host host, Report report) throws IOException;
    }

    /** One host's line in the host table. */
    public record Host(int index, Path file, String name, String os, String osVersion, Instant collectedAt,
                       boolean privileged, int sockets, int listeners, Map<Severity, Integer> bySeverity) {
        public String anchor() {
            return "host-" + index;
        }

        public int count(Severity severity) {
            return bySeverity.getOrDefault(severity, 0);
        }
    }

    /** One occurrence of a rule's finding on a host. */
    public record Hit(int hostIndex, String host, Severity severity, String subject, String process, boolean suppressed,
                      String title) {
    }

    /** The findings of one rule across hosts. */
    public record RuleGroup(String rule, String title, List<Hit> hits) {
        public long hosts() {
            return hits.stream().mapToInt(Hit::hostIndex).distinct().count();
        }

        public Severity worst() {
            return hits.stream().map(Hit::severity).min(Comparator.naturalOrder()).orElse(Severity.INFO);
        }
    }

    private final List<Host> hosts;
    private final List<RuleGroup> rules;
    private final AuditSource source;
    private final ReportExporter exporter;
    private final ReportOptions options;

    private Fleet(List<Host> hosts, List<RuleGroup> rules, AuditSource source, ReportExporter exporter,
                  ReportOptions options) {
        this.hosts = hosts;
        this.rules = rules;
        this.source = source;
        this.exporter = exporter;
        this.options = options;
    }

    /** First pass: reads every file once and keeps only counts and the findings' short form. */
    public static Fleet scan(List<Path> files, AuditSource source, ReportExporter exporter, ReportOptions options)
            throws IOException {
        RuleDescriptions descriptions = exporter.descriptions();
        List<Host> hosts = new ArrayList<>(files.size());
        Map<String, RuleGroup> rules = new TreeMap<>();
        for (Path file : files) {
            Report report;
            try {
                report = exporter.prepare(source.read(file), List.of(), options);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
            Report.Header h = report.header();
            Map<Severity, Integer> counts = new EnumMap<>(report.summary().bySeverity());
            Host host = new Host(hosts.size(), file, h.host(), h.os(), h.osVersion(), h.collectedAt(), h.privileged(),
                    report.summary().sockets(), report.summary().listeners(), counts);
            hosts.add(host);
            SubjectIndex index = SubjectIndex.of(report.sockets(), List.of());
            for (Report.ReportFinding rf : report.findings()) {
                Finding f = rf.finding();
                rules.computeIfAbsent(f.rule(), r -> new RuleGroup(r, f.title(), new ArrayList<>()))
                        .hits().add(new Hit(hosts.size() - 1, h.host(), f.severity(), HtmlReport.subject(f.socket()),
                                process(f, index), f.suppressed(), f.title()));
            }
        }
        // Most exposed hosts first; ties by name and file, so the order never depends on the argument order.
        Comparator<Host> order = Comparator.comparing((Host x) -> -x.count(Severity.HIGH))
                .thenComparing(x -> -x.count(Severity.MEDIUM)).thenComparing(x -> -x.count(Severity.LOW))
                .thenComparing(x -> -x.count(Severity.INFO))
                .thenComparing(Host::name, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(x -> x.file().toString());
        List<Host> sorted = hosts.stream().sorted(order).toList();
        int[] newIndex = new int[hosts.size()];
        List<Host> indexed = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Host x = sorted.get(i);
            newIndex[x.index()] = i + 1;
            indexed.add(new Host(i + 1, x.file(), x.name(), x.os(), x.osVersion(), x.collectedAt(), x.privileged(),
                    x.sockets(), x.listeners(), x.bySeverity()));
        }
        List<RuleGroup> groups = new ArrayList<>();
        for (RuleGroup g : rules.values()) {
            List<Hit> hits = g.hits().stream()
                    .map(x -> new Hit(newIndex[x.hostIndex()], x.host(), x.severity(), x.subject(), x.process(),
                            x.suppressed(), x.title()))
                    .sorted(Comparator.comparingInt(Hit::hostIndex).thenComparing(Hit::severity).thenComparing(Hit::subject)
                            .thenComparing(Hit::title, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
            // The catalog's title, else the first one in host-table order: never the order the files came in.
            String title = descriptions.describe(g.rule()).map(RuleInfo::title).orElse(hits.get(0).title());
            groups.add(new RuleGroup(g.rule(), title, hits));
        }
        groups.sort(Comparator.comparing(RuleGroup::worst).thenComparing(g -> -g.hosts()).thenComparing(RuleGroup::rule));
        return new Fleet(indexed, groups, source, exporter, options);
    }

    private static String process(Finding f, SubjectIndex index) {
        if (f.socket().isHost()) {
            return null;
        }
        SocketRecord socket = index.socket(f.socket());
        return socket != null ? Orders.processName(socket.process())
                : f.socket().pid() == null ? null : "pid " + f.socket().pid();
    }

    public List<Host> hosts() {
        return hosts;
    }

    public List<RuleGroup> rules() {
        return rules;
    }

    public Map<Severity, Integer> totals() {
        Map<Severity, Integer> totals = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            totals.put(s, hosts.stream().mapToInt(h -> h.count(s)).sum());
        }
        return totals;
    }

    /** Second pass: each host's full report, in host-table order, one at a time. */
    public void forEachHost(HostVisitor visitor) throws IOException {
        for (Host host : hosts) {
            visitor.visit(host, exporter.prepare(source.read(host.file()), List.of(), options));
        }
    }
}
