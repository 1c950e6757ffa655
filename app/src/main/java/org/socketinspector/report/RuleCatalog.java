package org.socketinspector.report;

import java.util.List;
import java.util.Optional;
import org.socketinspector.rules.Finding;

/**
 * Where the appendix takes its rule explanations from. The rule engine's catalog plugs in here; until it does,
 * {@link #fromFindings()} describes each rule by the text of its findings.
 */
@FunctionalInterface
public interface RuleCatalog {

    /** The description of a rule, or empty when the catalog does not know it. */
    Optional<RuleInfo> describe(String ruleId);

    /** A catalog that knows no rule: the appendix then falls back to the findings' own text. */
    static RuleCatalog fromFindings() {
        return ruleId -> Optional.empty();
    }

    /** The rule as its first finding (in report order) describes it. */
    static RuleInfo fallback(String ruleId, List<Finding> findingsOfRule) {
        Finding first = findingsOfRule.get(0);
        return new RuleInfo(ruleId, first.title(),
                "Described by its finding: " + first.explanation(), first.remediation(), first.references());
    }
}
