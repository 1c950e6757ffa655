package org.socketinspector.experiment;

import java.util.List;
import org.socketinspector.semantics.Outcome;

/**
 * What happened in an {@link Encounter}.
 *
 * @param port                  the port both sockets aimed at
 * @param target                the address the client sent to
 * @param secondBindError       the attacker's bind error (EADDRINUSE ...), null when it bound
 * @param firstCouldStillListen for a victim that was only bound: could it listen after the attacker? else null
 * @param attempts              connections or datagrams the client managed to send
 * @param toVictim              how many the victim got
 * @param toAttacker            how many the attacker got
 * @param lost                  sent but received by nobody
 * @param observed              refused, separate, shares or steals, as seen
 * @param timeline              every step with its time
 * @param stopped               why the traffic phase stopped early (cancel, time limit), null when it completed
 */
public record EncounterResult(int port, String target, String secondBindError, Boolean firstCouldStillListen,
                              int attempts, int toVictim, int toAttacker, int lost, Outcome observed,
                              List<TimelineEvent> timeline, String stopped) {

    public EncounterResult {
        timeline = List.copyOf(timeline);
    }
}
