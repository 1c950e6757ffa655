package org.socketinspector.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.socketinspector.model.SocketRecord;

/**
 * Accepted risks: findings matching an entry (rule + port + process name) are reported as suppressed, not hidden.
 * A host finding has port and process null.
 */
public record Baseline(List<Entry> accepted) {

    /** One accepted risk; {@code process} is the owner's process name, null when unknown. */
    public record Entry(String rule, Integer port, String process) {
    }

    public Baseline {
        accepted = List.copyOf(accepted);
    }

    /** The audit with matching findings marked suppressed. */
    public Audit apply(Audit audit) {
        List<Finding> findings = new ArrayList<>();
        for (Finding f : audit.findings()) {
            findings.add(accepted.contains(entryFor(audit, f)) ? f.suppress() : f);
        }
        return new Audit(audit.scan(), findings);
    }

    /** A baseline accepting every finding of the audit. */
    public static Baseline of(Audit audit) {
        LinkedHashSet<Entry> entries = new LinkedHashSet<>();
        audit.findings().forEach(f -> entries.add(entryFor(audit, f)));
        return new Baseline(List.copyOf(entries));
    }

    private static Entry entryFor(Audit audit, Finding f) {
        String process = audit.scan().sockets().stream().filter(f.socket()::isAbout).findFirst()
                .map(SocketRecord::process).map(p -> p.name()).orElse(null);
        return new Entry(f.rule(), f.socket().localPort(), process);
    }
}
