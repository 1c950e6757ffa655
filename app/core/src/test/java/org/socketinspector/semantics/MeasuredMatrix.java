package org.socketinspector.semantics;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.socketinspector.json.Json;
import org.socketinspector.model.Protocol;

/** Reads a bind-matrix JSON Lines file written by bench/bind_matrix.py: one measured row per question. */
final class MeasuredMatrix {

    /** A measured cell: the question and what the kernel did. */
    record Row(int line, BindQuestion question, Outcome outcome, String error, Boolean firstCanStillListen,
               String received, String target) {
    }

    static List<Row> read(InputStream in) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                JsonNode node = Json.mapper().readTree(line);
                if (node.has("meta")) {
                    continue;
                }
                if (node.has("error")) {
                    throw new IllegalStateException("line " + n + ": the measurement failed: " + node.get("error"));
                }
                Protocol protocol = Protocol.fromWireName(node.get("protocol").asText());
                BindState state = BindState.fromWireName(node.path("first").path("state").asText("bound"));
                BindQuestion q = new BindQuestion(OsFamily.LINUX, protocol,
                        endpoint(node.get("first"), state), endpoint(node.get("second"), BindState.BOUND));
                Boolean firstListens = protocol == Protocol.TCP && state == BindState.BOUND
                        ? node.get("firstListenError").isNull() : null;
                rows.add(new Row(n, q, Outcome.valueOf(node.get("outcome").asText().toUpperCase(Locale.ROOT)),
                        node.get("secondError").isNull() ? null : node.get("secondError").asText(), firstListens,
                        node.get("received").toString(), node.path("target").asText(null)));
            }
        }
        return rows;
    }

    private static BindEndpoint endpoint(JsonNode node, BindState state) {
        String[] kind = node.get("address").asText().split(",");
        Set<BindOption> options = new HashSet<>();
        for (int i = 1; i < kind.length; i++) {
            options.add(BindOption.fromWireName(kind[i]));
        }
        node.get("options").forEach(o -> options.add(BindOption.fromWireName(o.asText())));
        return new BindEndpoint(kind[0], options, node.get("user").asText(), state);
    }

    private MeasuredMatrix() {
    }
}
