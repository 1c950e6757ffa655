package org.socketinspector.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socketinspector.history.RunSummary;
import org.socketinspector.history.StoredRun;
import org.socketinspector.json.Json;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.rules.FindingSubject;

/**
 * The experiments in the history that speak to a finding: records with the rule they test ({@code finding}) and
 * whether they {@code confirms} it, as the experiment package writes them (docs/experiments.md): a probe names the
 * endpoint it probed ({@code request.protocol/listenerAddress/port}) and speaks to that socket's finding; a lab
 * replay of a preset ({@code kind} "replay") ran on a port of its own and is evidence for every finding of its
 * rule. Other records are skipped.
 */
public final class ExperimentHistory {

    /** Bounded: a report lists what history holds for one host, not an unbounded scan of the file. */
    public static final int MAX_RUNS = 5000;

    private ExperimentHistory() {
    }

    /** The summaries of the stored runs that speak to a finding (read with {@code HistoryStore.experiments}). */
    public static List<ExperimentSummary> of(List<StoredRun> runs) {
        List<ExperimentSummary> result = new ArrayList<>();
        for (StoredRun stored : runs) {
            summary(stored.run(), stored.json()).ifPresent(result::add);
        }
        return result;
    }

    static Optional<ExperimentSummary> summary(RunSummary run, String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        JsonNode rule = root.path("finding");
        JsonNode confirms = root.path("confirms");
        JsonNode request = root.path("request");
        if (!rule.isTextual() || !confirms.isBoolean()) {
            return Optional.empty();
        }
        ExperimentSummary.Verdict verdict = confirms.asBoolean() ? ExperimentSummary.Verdict.CONFIRMED
                : ExperimentSummary.Verdict.REFUTED;
        if ("replay".equals(root.path("kind").asText())) {
            return Optional.of(new ExperimentSummary(rule.asText(), null, verdict,
                    "lab " + run.title() + " (its own port, not this socket)", run.outcome(), run.startedAt(),
                    run.id().toString()));
        }
        if (!request.path("listenerAddress").isTextual()
                || !request.path("port").isInt() || !request.path("protocol").isTextual()) {
            return Optional.empty();
        }
        String address = request.path("listenerAddress").asText();
        FindingSubject subject;
        try {
            subject = new FindingSubject(Protocol.fromWireName(request.path("protocol").asText()),
                    Family.ofAddress(address), address, request.path("port").asInt(), null);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new ExperimentSummary(rule.asText(), subject, verdict, run.title(), run.outcome(),
                run.startedAt(), run.id().toString()));
    }
}
