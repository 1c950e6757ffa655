package org.socketinspector.rules;

import java.util.List;

/** Every rule the engine knows, in a stable order, for reports' appendices and docs/rules.md. */
public final class RuleCatalog {

    private RuleCatalog() {
    }

    public static List<Rule> all() {
        return List.of(Rule.values());
    }

    public static Rule byId(String id) {
        for (Rule r : Rule.values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rule id '" + id + "'");
    }
}
