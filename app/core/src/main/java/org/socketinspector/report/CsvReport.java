package org.socketinspector.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.socketinspector.model.ProbeResult;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.FindingSubject;

/**
 * The two CSV tables of a report; the columns are documented in docs/reports.md. Values are never cut. Each table
 * is one pass over its rows plus one over the other list ({@link SubjectIndex}): linear in sockets and findings.
 */
public final class CsvReport {

    public static final List<String> SOCKET_COLUMNS = List.of("host", "protocol", "family", "local_address",
            "local_port", "remote_address", "remote_port", "state", "native_state", "pid", "process", "executable",
            "command_line", "user", "uid", "services", "inode", "reuse_address", "reuse_port", "exclusive_address_use",
            "ipv6_only", "probe_address", "probe_options", "probe_bound", "probe_error", "findings", "worst_severity");

    public static final List<String> FINDING_COLUMNS = List.of("host", "severity", "rule", "title", "protocol",
            "family", "local_address", "local_port", "pid", "process", "attacker", "suppressed", "explanation",
            "remediation", "references", "experiments");

    private CsvReport() {
    }

    /** The byte order mark and the header row of a table. */
    public static void header(Writer out, List<String> columns) throws IOException {
        out.write(Csv.BOM);
        Csv.row(out, columns);
    }

    public static void sockets(Writer out, String host, List<SocketRecord> sockets, List<Finding> findings)
            throws IOException {
        SubjectIndex index = SubjectIndex.of(List.of(), findings);
        for (SocketRecord s : sockets) {
            ProcessInfo p = s.process() == null ? new ProcessInfo(null, null, null, null, null, List.of()) : s.process();
            SocketOptions o = s.options();
            ProbeResult probe = s.probe();
            SubjectIndex.Open about = index.open(s);
            Csv.row(out, Arrays.asList(host, s.protocol().wireName(), s.family() == null ? null : s.family().wireName(),
                    s.localAddress(), s.localPort(), s.remoteAddress(), s.remotePort(), s.state(), s.nativeState(),
                    s.pid(), p.name(), p.executable(), p.commandLine(), p.user(), p.uid() != null ? p.uid() : s.uid(),
                    String.join(" ", p.services()), s.inode(), o.reuseAddress(), o.reusePort(), o.exclusiveAddressUse(),
                    o.ipv6Only(), probe == null ? null : probe.address(), probe == null ? null : probe.options(),
                    probe == null ? null : probe.bound(), probe == null ? null : probe.error(), about.count(),
                    about.worst() == null ? null : about.worst().wireName()));
        }
    }

    public static void findings(Writer out, String host, List<Report.ReportFinding> findings, List<SocketRecord> sockets)
            throws IOException {
        SubjectIndex index = SubjectIndex.of(sockets, List.of());
        for (Report.ReportFinding rf : findings) {
            Finding f = rf.finding();
            FindingSubject s = f.socket();
            String process = index.processName(s);
            List<String> experiments = new ArrayList<>();
            rf.experiments().forEach(e -> experiments.add(e.verdict().label() + ": " + e.experiment()
                    + (e.detail() == null ? "" : " (" + e.detail() + ")")));
            Csv.row(out, Arrays.asList(host, f.severity().wireName(), f.rule(), f.title(),
                    s.isHost() ? null : s.protocol().wireName(), s.isHost() ? null : s.family().wireName(),
                    s.localAddress(), s.localPort(), s.pid(), process,
                    f.attacker() == null ? null : f.attacker().wireName(), f.suppressed(), f.explanation(),
                    f.remediation(), String.join(" ", f.references()), String.join("; ", experiments)));
        }
    }
}
