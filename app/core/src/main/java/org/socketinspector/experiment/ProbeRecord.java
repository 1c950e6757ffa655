package org.socketinspector.experiment;

import java.time.Instant;
import java.util.List;
import org.socketinspector.history.ExperimentRecord;
import org.socketinspector.model.ProbeResult;
import org.socketinspector.semantics.BindAnswer;

/**
 * A probe as it ran.
 *
 * @param probeUid   the uid the probe socket was created by
 * @param result     whether it bound, and the error if not
 * @param prediction the model's answer when the listener's options were known, else null
 * @param agrees     null without a prediction
 * @param finding    the finding of the probed socket this bind tests (LINUX-REUSEPORT-GROUP, ...), null when the
 *                   socket has no finding this bind speaks to
 * @param confirms   true: the observation confirms that finding; false: it refutes it for this user and these
 *                   options; null without a finding
 * @param attacker   what an attacker with this uid could do, in plain words
 */
public record ProbeRecord(String kind, ProbeRequest request, int probeUid, ProbeResult result, BindAnswer prediction,
                          Boolean agrees, String finding, Boolean confirms, String attacker,
                          List<TimelineEvent> timeline, String host, String toolVersion, Instant started,
                          Instant ended) implements ExperimentRecord {

    public ProbeRecord {
        timeline = List.copyOf(timeline);
    }

    @Override
    public String title() {
        return "probe " + request.protocol().wireName() + " " + request.listenerAddress() + ":" + request.port()
                + " with " + result.options() + " at " + request.probeAddress() + " as " + Users.name(probeUid);
    }

    @Override
    public String outcomeLine() {
        return (result.bound() ? "bound" : "refused " + result.error()) + ": " + (finding == null
                ? "tests no finding of this socket" : (confirms ? "confirms " : "refutes ") + finding);
    }
}
