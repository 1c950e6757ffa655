package org.socketinspector.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.util.List;
import org.socketinspector.input.InputLimits;
import org.socketinspector.json.Json;
import org.socketinspector.json.JsonErrors;
import org.socketinspector.rules.Baseline;

/** Reads a baseline file (accepted risks) through the one reader of user files, checking each entry. */
public final class Baselines {

    private static final String SHAPE = "a JSON list of {\"rule\", \"port\", \"process\"}";

    private Baselines() {
    }

    public static Baseline read(Path file) throws InspectException {
        return read(file, InputLimits.JSON);
    }

    /** @param limits the reading's bounds (a command's --idle-timeout) */
    public static Baseline read(Path file, InputLimits limits) throws InspectException {
        String text = UserFiles.jsonText(file, limits);
        List<Baseline.Entry> entries;
        try {
            entries = Json.mapper().readValue(text, new TypeReference<List<Baseline.Entry>>() { });
        } catch (JsonProcessingException e) {
            throw new InspectException(file + ": not a baseline (" + SHAPE + "): " + JsonErrors.describe(e), e);
        }
        if (entries == null) {
            throw new InspectException(file + ": not a baseline (" + SHAPE + ")");
        }
        for (int i = 0; i < entries.size(); i++) {
            Baseline.Entry e = entries.get(i);
            String problem = e == null ? "expected an object {\"rule\", \"port\", \"process\"}"
                    : e.rule() == null || e.rule().isBlank() ? "field \"rule\" is missing"
                    : e.port() != null && (e.port() < 0 || e.port() > 65535) ? "field \"port\": " + e.port()
                            + " is not a port (0 to 65535)" : null;
            if (problem != null) {
                throw new InspectException(file + ": entry $[" + i + "]: " + problem);
            }
        }
        return new Baseline(entries);
    }
}
