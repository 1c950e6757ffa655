package org.socketinspector.report;

import java.util.List;

/** One rule as the report's appendix explains it. */
public record RuleInfo(String id, String title, String description, String remediation, List<String> references) {

    public RuleInfo {
        references = List.copyOf(references);
    }
}
