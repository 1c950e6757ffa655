package org.socketinspector.report;

import java.time.Instant;
import org.socketinspector.rules.FindingSubject;

/**
 * An experiment from history that confirmed or refuted a finding; the store and experiments side fill these.
 *
 * @param rule       the rule id of the finding it tested
 * @param subject    the socket of that finding ({@link FindingSubject#HOST} for a host finding), or null for a lab
 *                   replay of the rule's case on a port of its own: evidence for every finding of that rule
 * @param verdict    what it showed
 * @param experiment short name of the experiment, e.g. "bind probe SO_REUSEPORT, uid 65534"
 * @param detail     one line of evidence, e.g. "second bind succeeded; EADDRINUSE expected"
 * @param ranAt      when it ran
 * @param historyId  the history entry it belongs to, or null
 */
public record ExperimentSummary(String rule, FindingSubject subject, Verdict verdict, String experiment,
                                String detail, Instant ranAt, String historyId) {

    /**
     * CONFIRMED and REFUTED come only from a probe of the finding's own socket; a lab replay of the rule's preset, on
     * a port of its own, DEMONSTRATED the rule (or did NOT_DEMONSTRATED it) and says nothing of this socket.
     */
    public enum Verdict {
        CONFIRMED, REFUTED, INCONCLUSIVE, DEMONSTRATED, NOT_DEMONSTRATED;

        public String label() {
            return switch (this) {
                case DEMONSTRATED -> "demonstrated in the lab";
                case NOT_DEMONSTRATED -> "not shown in the lab";
                default -> name().toLowerCase(java.util.Locale.ROOT);
            };
        }

        /** A CSS-safe name (the HTML report's class). */
        public String cssName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * True when this experiment tested that finding: the same rule on the same endpoint (protocol, address, port),
     * or the same rule in the lab. The pid is not compared: a probe knows the endpoint, not the process, and a
     * restarted service keeps its risk.
     */
    public boolean tests(org.socketinspector.rules.Finding finding) {
        FindingSubject other = finding.socket();
        if (subject == null) {
            return rule.equals(finding.rule());
        }
        return rule.equals(finding.rule()) && (subject.isHost() ? other.isHost()
                : !other.isHost() && subject.protocol() == other.protocol()
                && subject.localAddress().equals(other.localAddress())
                && subject.localPort().equals(other.localPort()));
    }
}
