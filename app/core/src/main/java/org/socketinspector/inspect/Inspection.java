package org.socketinspector.inspect;

import java.util.Objects;
import java.util.Optional;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Baseline;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.Rule;

/**
 * An audit and where it came from: what the {@link Inspector} answers for a {@link Target}.
 *
 * @param audit  the scan and its findings
 * @param origin what was read; decides whether the audit is "as saved" and whether it can be incomplete
 */
public record Inspection(Audit audit, Origin origin) {

    /** Where an audit came from. */
    public enum Origin {
        /** This machine, scanned now. */
        THIS_MACHINE,
        /** A text capture (netstat, ss, lsof), audited by this build's rules. */
        CAPTURE,
        /** A scan document, or an audit document audited again: findings of this build's rules. */
        DOCUMENT,
        /** An audit document reported as it was saved, zero findings included. */
        SAVED_AUDIT,
        /** A history snapshot, with the findings it was saved with. */
        SNAPSHOT
    }

    public Inspection {
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(origin, "origin");
    }

    /** Findings as they were saved (an audit document or a snapshot), not computed by this build's rules. */
    public boolean saved() {
        return origin == Origin.SAVED_AUDIT || origin == Origin.SNAPSHOT;
    }

    /** The same inspection with the findings a baseline accepts marked suppressed. */
    public Inspection with(Baseline baseline) {
        return new Inspection(baseline.apply(audit), origin);
    }

    /**
     * The incomplete-audit policy: a live audit of this machine whose rules could not read the options or owner of
     * some sockets (e.g. not run as root) is incomplete, since a HIGH risk then shows as INFO OPTIONS-UNKNOWN and a
     * severity gate would pass. A capture carries no options by nature and a saved audit is what it was: never
     * incomplete. The CLI turns it into exit 5 unless the user accepts it.
     */
    public Optional<Incomplete> incomplete() {
        if (origin != Origin.THIS_MACHINE) {
            return Optional.empty();
        }
        long unknown = unknownSockets(audit);
        return unknown == 0 ? Optional.empty() : Optional.of(new Incomplete(unknown, audit.scan().privileged()));
    }

    /** Sockets whose findings the rules could not compute (OPTIONS-UNKNOWN), suppressed ones included. */
    static long unknownSockets(Audit audit) {
        return audit.findings().stream().filter(f -> f.rule().equals(Rule.OPTIONS_UNKNOWN.id()))
                .map(Finding::socket).distinct().count();
    }

    /**
     * Why a live audit is incomplete.
     *
     * @param sockets    how many sockets' options or owners could not be read
     * @param privileged whether the scan ran with the rights to read every owner (else "run as root" helps)
     */
    public record Incomplete(long sockets, boolean privileged) {

        /** "the options or owner of 3 sockets could not be read (run as root), so findings may be missing". */
        public String describe() {
            return "the options or owner of " + sockets + (sockets == 1 ? " socket" : " sockets")
                    + " could not be read" + (privileged ? "" : " (run as root)") + ", so findings may be missing";
        }
    }
}
