package org.socketinspector.experiment;

import java.time.Instant;

/**
 * One step of an experiment as it happened.
 *
 * @param at     when
 * @param actor  victim, attacker, client, probe, experiment
 * @param event  bind, listen, connect, delivered, lost, cancelled ...
 * @param detail what exactly, e.g. "127.0.0.1:40123 ok" or "EADDRINUSE", "#3 -> attacker"
 */
public record TimelineEvent(Instant at, String actor, String event, String detail) {
}
