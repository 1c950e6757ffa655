package org.socketinspector.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.Rule;

/**
 * Where the appendix takes its rule explanations from: the rule engine's catalog ({@link #engine()}), or for rules
 * it does not know (an audit from a newer version, a test), the text of the rule's findings.
 */
@FunctionalInterface
public interface RuleDescriptions {

    /** The description of a rule, or empty when this source does not know it. */
    Optional<RuleInfo> describe(String ruleId);

    /** The rules of this build's engine ({@link org.socketinspector.rules.RuleCatalog}). */
    static RuleDescriptions engine() {
        return ruleId -> Arrays.stream(Rule.values()).filter(r -> r.id().equals(ruleId)).findFirst()
                .map(r -> new RuleInfo(r.id(), r.title(), r.why(), r.remediation(), r.references()));
    }

    /** Knows no rule: the appendix then describes each rule by its findings' own text. */
    static RuleDescriptions fromFindings() {
        return ruleId -> Optional.empty();
    }

    /** The rule as its first finding (in report order) describes it. */
    static RuleInfo fallback(String ruleId, List<Finding> findingsOfRule) {
        Finding first = findingsOfRule.get(0);
        return new RuleInfo(ruleId, first.title(),
                "Described by its finding: " + first.explanation(), first.remediation(), first.references());
    }
}
