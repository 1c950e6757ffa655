package org.socketinspector.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.rules.Attacker;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.FindingSubject;
import org.socketinspector.rules.Severity;

class FindingsDiffTest {

    @Test
    void findsRaisedAndResolvedFindings() {
        Finding kept = finding("LINUX-REUSEPORT-GROUP", 8080, 300);
        Finding gone = finding("LINUX-UDP-REUSEADDR", 53, 200);
        Finding added = finding("FAMILY-SHADOW", 5000, 400);

        FindingsDiff diff = FindingsDiff.between(List.of(kept, gone), List.of(kept, added));

        assertThat(diff.raised()).containsExactly(added);
        assertThat(diff.resolved()).containsExactly(gone);
    }

    @Test
    void aRestartedServiceKeepsItsFindings() {
        FindingsDiff diff = FindingsDiff.between(List.of(finding("LINUX-REUSEPORT-GROUP", 8080, 300)),
                List.of(finding("LINUX-REUSEPORT-GROUP", 8080, 301)));
        assertThat(diff.isEmpty()).isTrue();
    }

    @Test
    void anotherRuleOnTheSameSocketIsANewFinding() {
        FindingsDiff diff = FindingsDiff.between(List.of(finding("LINUX-REUSEPORT-GROUP", 8080, 300)),
                List.of(finding("LINUX-REUSEPORT-GROUP", 8080, 300), finding("SPECIFIC-OVER-WILDCARD", 8080, 300)));
        assertThat(diff.raised()).extracting(Finding::rule).containsExactly("SPECIFIC-OVER-WILDCARD");
        assertThat(diff.resolved()).isEmpty();
    }

    @Test
    void suppressionIsNotAChange() {
        Finding open = finding("LINUX-REUSEPORT-GROUP", 8080, 300);
        assertThat(FindingsDiff.between(List.of(open), List.of(open.suppress())).isEmpty()).isTrue();
    }

    @Test
    void hostFindingsCompareByRule() {
        Finding host = new Finding("HOST-LOW-PORTS", Severity.LOW, FindingSubject.HOST, Attacker.ANY_USER, "t", "e",
                "r", List.of(), false);
        assertThat(FindingsDiff.between(List.of(host), List.of(host)).isEmpty()).isTrue();
        assertThat(FindingsDiff.between(List.of(), List.of(host)).raised()).containsExactly(host);
    }

    private static Finding finding(String rule, int port, int pid) {
        return new Finding(rule, Severity.HIGH, new FindingSubject(Protocol.TCP, Family.IPV4, "0.0.0.0", port, pid),
                Attacker.SAME_USER, rule + " on " + port, "explained", "fix", List.of(), false);
    }
}
