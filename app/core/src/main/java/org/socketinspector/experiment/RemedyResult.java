package org.socketinspector.experiment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.socketinspector.history.ExperimentRecord;
import org.socketinspector.model.Protocol;

/**
 * A preset's remediation as it ran ({@link RemediatedReplay}): the same attacker against the fixed victim.
 *
 * @param preset             the preset whose rule's fix was applied
 * @param rule               that rule
 * @param attackerBindError  the attacker's bind (or listen) error, null when it bound and served
 * @param attempts           connections or datagrams sent to the attack's target
 * @param toAttacker         how many of every connection or datagram sent (target and served addresses) it got
 * @param reachedBefore      per address the victim served before the fix: how many of {@code attempts} it got there
 * @param fixed              the attack failed (the attacker got nothing) and the victim got everything sent to each
 *                           address it served before
 * @param predicted          true: a Windows case is not run but predicted from Microsoft's tables (this record then
 *                           holds the model's answer, no counts)
 * @param namespace          the network namespace it ran in (a fix of a host setting), null: host loopback
 * @param unprivilegedPortStart {@code net.ipv4.ip_unprivileged_port_start} set in that namespace, null if untouched
 */
public record RemedyResult(String kind, String preset, String rule, Protocol protocol, int port, String target,
                           String remedy, String attackerBindError, int attempts, int toAttacker,
                           Map<String, Integer> reachedBefore, boolean fixed, boolean predicted,
                           List<TimelineEvent> timeline, String namespace, Integer unprivilegedPortStart, String host,
                           String toolVersion, Instant started, Instant ended) implements ExperimentRecord {

    public RemedyResult {
        reachedBefore = Map.copyOf(reachedBefore);
        timeline = List.copyOf(timeline);
    }

    @Override
    public String title() {
        return "replay " + preset + " remediated (" + remedy + ")" + (predicted ? "" : " port " + port);
    }

    @Override
    public String outcomeLine() {
        String unit = protocol == Protocol.TCP ? "connections" : "datagrams";
        String attack = attackerBindError != null ? "attacker's bind refused (" + attackerBindError + ")"
                : "attacker took " + toAttacker + " " + unit;
        String served = reachedBefore.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue() + "/" + attempts).reduce((a, b) -> a + ", " + b).orElse("");
        return (predicted ? "predicted from Microsoft's tables (not run here): " : "") + attack
                + (predicted ? "" : "; service still reached on " + served) + ": "
                + (fixed ? "the fix works" : "the fix does NOT work");
    }

    /** The fix is a demonstration of the rule's remediation; it agrees when it works as the rule says. */
    @Override
    public Boolean agrees() {
        return fixed;
    }
}
