package org.socketinspector.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.Objects;
import org.socketinspector.history.ExperimentRecord;
import org.socketinspector.history.RunType;
import org.socketinspector.json.Json;

/**
 * One experiment run as the history keeps it: the columns that listing and filtering need, plus the full record
 * as JSON (parameters, prediction, observed outcome, counts, timeline), written by the experiment itself.
 *
 * @param kind        experiment kind, e.g. probe, replay, matrix
 * @param title       one line for lists, e.g. "replay linux-reuseport-same-user on 127.0.0.1:40123"
 * @param startedAt   when it started
 * @param endedAt     when it ended, null when it did not finish (cancelled runs are still stored)
 * @param host        host name it ran on
 * @param toolVersion version of the tool that ran it
 * @param agrees      whether the observed outcome agrees with the semantics model's prediction; null when unknown
 * @param outcome     one line saying what happened, e.g. "attacker took 37 of 100 connections"
 * @param json        the full record: must be one JSON object
 */
public record ExperimentEntry(String kind, String title, Instant startedAt, Instant endedAt, String host,
                              String toolVersion, Boolean agrees, String outcome, String json) {

    public ExperimentEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(json, "json");
        if (kind.isBlank() || RunType.SNAPSHOT_KIND.equals(kind)) {
            throw new IllegalArgumentException("experiment kind must be a name other than '"
                    + RunType.SNAPSHOT_KIND + "', found '" + kind + "'");
        }
    }

    /** The history row of a finished (or cancelled) experiment: its listing columns and its full JSON. */
    public static ExperimentEntry of(ExperimentRecord r) throws JsonProcessingException {
        return new ExperimentEntry(r.kind(), r.title(), r.started(), r.ended(), r.host(), r.toolVersion(), r.agrees(),
                r.outcomeLine(), Json.mapper().writeValueAsString(r));
    }
}
