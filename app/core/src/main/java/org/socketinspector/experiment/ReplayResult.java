package org.socketinspector.experiment;

import java.time.Instant;
import java.util.List;
import org.socketinspector.history.ExperimentRecord;
import org.socketinspector.lesson.ReplayPreset;
import org.socketinspector.semantics.BindAnswer;
import org.socketinspector.semantics.Outcome;

/**
 * A lab replay as it ran.
 *
 * @param request       what was asked
 * @param victimUid     uid the victim ran as
 * @param attackerUid   uid the attacker ran as
 * @param namespace     the namespace it ran in, or null (host loopback)
 * @param prediction    the model's answer, null when there is no model
 * @param expected      the predicted outcome for the client's target (the model's outcome, or "steals" when only
 *                      the attacker covers an explicit target such as ::1 in the family-shadow case)
 * @param result        the observation: counts, outcome, timeline
 * @param agrees        prediction and observation agree; null without prediction
 * @param notes         what the run could not do as asked (e.g. "attacker ran as the same user: not root")
 * @param ended         null when the run was cancelled or hit its time limit (its counts are then partial)
 * @param finding       the rule the preset demonstrates (see {@link ReplayPreset#rule()}), null for other cases
 * @param demonstrates  whether this run shows that rule's risk in the lab, on its own port: the attacker bound and
 *                      took traffic; false when it was refused or took nothing; null when incomplete or without a
 *                      rule. It demonstrates the rule; it confirms no finding of another socket
 */
public record ReplayResult(String kind, ReplayRequest request, int victimUid, int attackerUid, String namespace,
                           BindAnswer prediction, Outcome expected, EncounterResult result, Boolean agrees,
                           List<String> notes, String host, String toolVersion, Instant started, Instant ended,
                           String finding, Boolean demonstrates)
        implements ExperimentRecord {

    public ReplayResult {
        notes = List.copyOf(notes);
    }

    @Override
    public String title() {
        return "replay " + request.preset() + " " + request.protocol().wireName() + " " + request.victim().label()
                + " vs " + request.attacker().label() + " port " + result.port();
    }

    @Override
    public String stopped() {
        return result.stopped();
    }

    @Override
    public String outcomeLine() {
        String unit = request.protocol() == org.socketinspector.model.Protocol.TCP ? "connections" : "datagrams";
        String prefix = stoppedPrefix();
        if (result.observed() == Outcome.REFUSED) {
            return prefix + "attacker's bind refused (" + result.secondBindError() + "); victim kept its traffic";
        }
        return prefix + "attacker took " + result.toAttacker() + " of " + result.attempts() + " " + unit + " to "
                + result.target() + " (victim " + result.toVictim() + ", lost " + result.lost() + "): "
                + result.observed().wireName();
    }
}
