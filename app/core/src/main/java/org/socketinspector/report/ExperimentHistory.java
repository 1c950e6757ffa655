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
 * The experiments in the history that speak to a finding, as the experiment package writes them
 * (docs/experiments.md): a probe names the endpoint it probed ({@code request.protocol/listenerAddress/port}) and
 * the finding of that socket it tested ({@code finding}), and {@code confirms} or refutes it; a lab replay of a
 * preset ({@code kind} "replay") ran on a port of its own and only {@code demonstrates} its rule, which a report
 * shows under every finding of that rule as "demonstrated in the lab", never as confirmed. Other records are skipped.
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
        JsonNode request = root.path("request");
        if ("replay".equals(root.path("kind").asText())) {
            // A replay demonstrates its rule on a port of its own ("confirms" in records of earlier versions).
            JsonNode shown = root.has("demonstrates") ? root.path("demonstrates") : root.path("confirms");
            if (!rule.isTextual() || !shown.isBoolean()) {
                return Optional.empty();
            }
            ExperimentSummary.Verdict verdict = shown.asBoolean() ? ExperimentSummary.Verdict.DEMONSTRATED
                    : ExperimentSummary.Verdict.NOT_DEMONSTRATED;
            return Optional.of(new ExperimentSummary(rule.asText(), null, verdict,
                    "lab " + run.title() + " (its own port, not this socket)", run.outcome(), run.startedAt(),
                    run.id().toString()));
        }
        // A probe speaks only to the finding of the socket it probed, and only when it ran to a verdict.
        JsonNode confirms = root.path("confirms");
        if (!rule.isTextual() || !confirms.isBoolean()) {
            return Optional.empty();
        }
        ExperimentSummary.Verdict verdict = confirms.asBoolean() ? ExperimentSummary.Verdict.CONFIRMED
                : ExperimentSummary.Verdict.REFUTED;
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
