package org.socketinspector.rules;

import java.util.List;

/**
 * One hijack risk the rule engine found.
 *
 * @param rule        stable rule id, e.g. LINUX-REUSEPORT-GROUP
 * @param severity    high, medium, low, info
 * @param socket      the socket it is about ({@link FindingSubject#HOST} for a host finding)
 * @param attacker    who could exploit it
 * @param title       one line
 * @param explanation plain words, naming the process and port
 * @param remediation concrete steps, per runtime where known
 * @param references  sources
 * @param suppressed  true when a baseline accepts this risk (reported, not hidden)
 */
public record Finding(String rule, Severity severity, FindingSubject socket, Attacker attacker, String title,
                      String explanation, String remediation, List<String> references, boolean suppressed) {

    public Finding {
        references = List.copyOf(references);
    }

    /** The same finding about {@code subject} (e.g. with its namespace named). */
    public Finding about(FindingSubject subject) {
        return new Finding(rule, severity, subject, attacker, title, explanation, remediation, references, suppressed);
    }

    public Finding suppress() {
        return new Finding(rule, severity, socket, attacker, title, explanation, remediation, references, true);
    }
}
