package org.socketinspector.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socketinspector.json.Json;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.rules.FindingSubject;
import org.socketinspector.store.HistoryFilter;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.store.Page;
import org.socketinspector.store.RunSummary;

/**
 * The experiments in the history that speak to a finding: records with the rule they test ({@code finding}) and
 * whether they {@code confirms} it, as the experiment package writes them (docs/experiments.md): a probe names the
 * endpoint it probed ({@code request.protocol/listenerAddress/port}) and speaks to that socket's finding; a lab
 * replay of a preset ({@code kind} "replay") ran on a port of its own and is evidence for every finding of its
 * rule. Other records are skipped.
 */
public final class ExperimentHistory {

    /** Bounded: a report lists what history holds for one host, not an unbounded scan of the file. */
    static final int MAX_RUNS = 5000;

    private ExperimentHistory() {
    }

    public static List<ExperimentSummary> forHost(HistoryStore store, String host) {
        List<ExperimentSummary> result = new ArrayList<>();
        HistoryFilter filter = HistoryFilter.experiments().withHost(host);
        for (int offset = 0; offset < MAX_RUNS; offset += Page.MAX_LIMIT) {
            List<RunSummary> page = store.list(filter, new Page(Page.MAX_LIMIT, offset));
            for (RunSummary run : page) {
                store.json(run.id()).flatMap(json -> summary(run, json)).ifPresent(result::add);
            }
            if (page.size() < Page.MAX_LIMIT) {
                break;
            }
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
