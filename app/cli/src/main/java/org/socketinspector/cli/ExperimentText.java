package org.socketinspector.cli;

import org.socketinspector.text.TerminalText;

import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.socketinspector.experiment.EncounterResult;
import org.socketinspector.experiment.MatrixCell;
import org.socketinspector.experiment.MatrixResult;
import org.socketinspector.experiment.ProbeRecord;
import org.socketinspector.experiment.ProbeRequest;
import org.socketinspector.experiment.RemedyResult;
import org.socketinspector.experiment.ReplayResult;
import org.socketinspector.experiment.TimelineEvent;
import org.socketinspector.semantics.BindAnswer;

/** Plain-text renderings of experiment records for the terminal. */
final class ExperimentText {

    private ExperimentText() {
    }

    static String probe(ProbeRecord r) {
        StringBuilder s = new StringBuilder();
        s.append(r.title()).append('\n');
        ProbeRequest q = r.request();
        s.append("listener:   ").append(q.victimOptions() == null || q.victimUser() == null
                ? "owner or options unknown (no prediction)"
                : "owner " + q.victimUser() + ", options " + (q.victimOptions().isEmpty() ? "none"
                : q.victimOptions().stream().map(o -> o.wireName()).sorted().collect(Collectors.joining("+"))))
                .append('\n');
        s.append("result:     ").append(r.result().bound() ? "bound (then closed at once, never listened)"
                : "refused: " + r.result().error()).append('\n');
        s.append("attacker:   ").append(r.attacker()).append('\n');
        s.append("finding:    ").append(r.finding() == null ? "tests no finding of this socket"
                + (q.socketFindings() == null ? "" : " (its findings: " + (q.socketFindings().isEmpty() ? "none"
                : String.join(", ", q.socketFindings())) + ")")
                : (r.confirms() ? "confirms " : "refutes ") + r.finding() + " of this socket").append('\n');
        s.append("prediction: ").append(prediction(r.prediction())).append('\n');
        s.append("agreement:  ").append(agreement(r.agrees())).append('\n');
        timeline(s, r.timeline());
        return s.toString();
    }

    static String remedy(RemedyResult r) {
        StringBuilder s = new StringBuilder();
        s.append(r.title()).append('\n');
        s.append("rule:       ").append(r.rule()).append(", fixed: ").append(r.remedy()).append('\n');
        if (!r.predicted()) {
            s.append("where:      ").append(where(r.namespace(), r.unprivilegedPortStart())).append('\n');
        }
        s.append("result:     ").append(r.outcomeLine()).append('\n');
        if (r.predicted()) {
            s.append("note:       a case about another OS: not run here; the outcome is the model's prediction")
                    .append('\n');
        }
        timeline(s, r.timeline());
        return s.toString();
    }

    static String replay(ReplayResult r) {
        EncounterResult e = r.result();
        StringBuilder s = new StringBuilder();
        s.append(r.title()).append('\n');
        s.append("victim:     ").append(r.request().victim().label()).append(" as uid ").append(r.victimUid()).append('\n');
        s.append("attacker:   ").append(r.request().attacker().label()).append(" as uid ").append(r.attackerUid()).append('\n');
        s.append("where:      ").append(where(r.namespace(), r.request().unprivilegedPortStart())).append('\n');
        s.append("prediction: ").append(prediction(r.prediction())).append(" -> expected at ").append(e.target())
                .append(": ").append(r.expected().wireName()).append('\n');
        s.append("observed:   ").append(r.outcomeLine()).append('\n');
        s.append("counts:     victim ").append(e.toVictim()).append(", attacker ").append(e.toAttacker())
                .append(", lost ").append(e.lost()).append(" of ").append(e.attempts()).append('\n');
        s.append("agreement:  ").append(e.stopped() != null ? "unknown (the run stopped early)" : agreement(r.agrees()))
                .append('\n');
        if (r.finding() != null && r.demonstrates() != null) {
            s.append("rule:       ").append(r.demonstrates() ? "demonstrates " : "does not demonstrate ").append(r.finding())
                    .append(" (in the lab)").append('\n');
        }
        r.notes().forEach(n -> s.append("note:       ").append(TerminalText.escape(n)).append('\n'));
        timeline(s, e.timeline());
        return s.toString();
    }

    static String matrix(MatrixResult r, boolean all) {
        StringBuilder s = new StringBuilder();
        s.append(r.title()).append('\n').append(r.outcomeLine()).append('\n');
        List<MatrixCell> shown = all ? r.cells() : r.disagreeing();
        for (MatrixCell c : shown) {
            s.append(Boolean.FALSE.equals(c.agrees()) ? "DISAGREE " : Boolean.TRUE.equals(c.agrees()) ? "ok       " : "-        ")
                    .append(c.summary()).append('\n');
        }
        r.cells().stream().filter(c -> c.skipped() != null).collect(Collectors.groupingBy(MatrixCell::skipped,
                        LinkedHashMap::new, Collectors.counting()))
                .forEach((reason, n) -> s.append("skipped: ").append(n).append(n == 1 ? " cell: " : " cells: ")
                        .append(reason).append('\n'));
        return s.toString();
    }

    /** "host loopback", or the namespace with the sysctl the run set inside it. */
    private static String where(String namespace, Integer unprivilegedPortStart) {
        return namespace == null ? "host loopback" : "network namespace " + namespace + (unprivilegedPortStart == null
                ? "" : " (net.ipv4.ip_unprivileged_port_start=" + unprivilegedPortStart + " there; the host's unchanged)");
    }

    private static String prediction(BindAnswer a) {
        return a == null ? "none (the listener's options or owner are unknown)"
                : a.outcome().wireName() + (a.error() == null ? "" : " (" + a.error() + ")") + " - " + a.explanation();
    }

    private static String agreement(Boolean agrees) {
        return agrees == null ? "unknown (no prediction)" : agrees ? "model and kernel agree" : "DISAGREE: model and kernel differ";
    }

    private static void timeline(StringBuilder s, List<TimelineEvent> events) {
        s.append("timeline:\n");
        for (TimelineEvent e : events) {
            s.append("  ").append(e.at()).append("  ").append(String.format(Locale.ROOT, "%-9s %-9s ", e.actor(), e.event()))
                    .append(TerminalText.escape(e.detail())).append('\n');
        }
    }
}
