package org.socketinspector.rules;

import java.util.List;
import org.socketinspector.model.Scan;

/** A scan with its findings: the root of the audit JSON contract {@code socket-inspector/audit/2}. */
public record Audit(Scan scan, List<Finding> findings) {

    public static final String SCHEMA = "socket-inspector/audit/2";
    /** The first version of the contract, still read; an audit/1 document is reported as saved, as audit/2 is. */
    public static final String SCHEMA_V1 = "socket-inspector/audit/1";

    public Audit {
        findings = List.copyOf(findings);
    }
}
