package org.socketinspector.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.socketinspector.collect.CollectionException;
import org.socketinspector.collect.CrossCheck;
import org.socketinspector.collect.Platform;
import org.socketinspector.model.Scan;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.RuleEngine;

/**
 * Turns a {@link Target} into an audit: the one place that collects this machine's sockets and runs the rule engine,
 * for every front end (the CLI's scan, audit, report and experiment probe, the GUI's live view and "Open capture",
 * the rescanner, a future exporter). Files are read by {@link UserFiles}; failures are one line
 * ({@link InspectException}, or the collector's {@link CollectionException}).
 *
 * <p>Thread-safe as the platform is: the GUI's rescans and its "Open capture" may run at once.
 */
public final class Inspector {

    private final Platform platform; // null: files only
    private final Function<Scan, Audit> rules;

    /** @param platform this machine's platform (its collectors are kept, so their caches serve every rescan) */
    public Inspector(Platform platform) {
        this(Objects.requireNonNull(platform, "platform"), RuleEngine::audit);
    }

    private Inspector(Platform platform, Function<Scan, Audit> rules) {
        this.platform = platform;
        this.rules = rules;
    }

    /**
     * An inspector of files only (captures, documents, snapshots), whose rules are handed in: the GUI's services
     * (which tests replace, and whose calls they count). This machine is not a target it knows.
     *
     * @param findings the findings of a scan that has none saved
     */
    public static Inspector ofFiles(Function<Scan, List<Finding>> findings) {
        Objects.requireNonNull(findings, "findings");
        return new Inspector(null, scan -> new Audit(scan, findings.apply(scan)));
    }

    /** The audit of a target. */
    public Inspection inspect(Target target) throws CollectionException, InspectException {
        // one branch per kind of target (release 17: no pattern switch yet)
        if (target instanceof Target.ThisMachine live) {
            return new Inspection(rules.apply(scan(live)), Inspection.Origin.THIS_MACHINE);
        }
        if (target instanceof Target.CaptureFile file) {
            return fromFile(UserFiles.capture(file.file(), file.format(), file.includeConnections(), file.limits()),
                    file.saved());
        }
        if (target instanceof Target.Document document) {
            return fromFile(UserFiles.document(document.file(), document.limits()), document.saved());
        }
        Target.Snapshot snapshot = (Target.Snapshot) target;
        return new Inspection(snapshot.store().snapshot(snapshot.id()).orElseThrow(() -> new InspectException(
                "no snapshot " + snapshot.id() + " in " + snapshot.store().file())), Inspection.Origin.SNAPSHOT);
    }

    /**
     * This machine's scan without findings (what {@code scan} prints), through the platform's one collector of the
     * target's source; with {@code crossCheck}, the OS's text tool is read right after and every socket only one of
     * the two sees is listed as a limitation.
     */
    public Scan scan(Target.ThisMachine target) throws CollectionException {
        if (platform == null) {
            throw new CollectionException("this inspector reads files only; it has no platform to scan this machine");
        }
        Scan scan = platform.collector(target.source()).collect(target.request());
        if (!target.crossCheck()) {
            return scan;
        }
        // read right after the first; sockets that change in between show up as differences
        Scan second = platform.collector(platform.crossCheckSource()).collect(target.request());
        List<String> limitations = new ArrayList<>(scan.limitations());
        limitations.addAll(CrossCheck.compare(scan, second).describe());
        // a line of the second source's output it could not read stays named (issue 18 #13)
        second.skipped().forEach(s -> limitations.add("cross-check: " + String.join("+", second.sources())
                + " output line " + s.line() + " skipped: " + s.reason()));
        return new Scan(scan.schema(), scan.tool(), scan.host(), scan.collectedAt(), scan.privileged(), scan.sources(),
                limitations, scan.sockets());
    }

    /**
     * The audit of a scan this machine just made (and a front end already showed): {@code scan --save} keeps the
     * findings of its moment, so that a later rule change does not rewrite history.
     */
    public Inspection audit(Scan scanOfThisMachine) {
        return new Inspection(rules.apply(scanOfThisMachine), Inspection.Origin.THIS_MACHINE);
    }

    private Inspection fromFile(UserFiles.Read read, Target.SavedFindings saved) {
        if (read.document() == null) {
            return new Inspection(rules.apply(read.scan()), Inspection.Origin.CAPTURE);
        }
        if (read.auditDocument() && saved == Target.SavedFindings.KEEP) {
            return new Inspection(read.document(), Inspection.Origin.SAVED_AUDIT); // even with zero findings
        }
        return new Inspection(rules.apply(read.scan()), Inspection.Origin.DOCUMENT);
    }
}
