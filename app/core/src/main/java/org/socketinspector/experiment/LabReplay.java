package org.socketinspector.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.socketinspector.lesson.ReplayPreset;
import org.socketinspector.model.ToolInfo;
import org.socketinspector.nativeio.ProcessControl;
import org.socketinspector.semantics.BindAnswer;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.Outcome;
import org.socketinspector.sockets.NativeSockets;

/**
 * A victim and an attacker, each a helper process with its own options, user and address, on loopback or in a
 * namespace created for the run; a client sends N tagged connections or datagrams and each is attributed.
 * Helpers are ended by PID and the namespace deleted at the end, whatever happens.
 */
public final class LabReplay {

    private final NativeSockets sockets;
    private final ProcessControl processes;
    private final HelperLauncher helpers;

    /** With a launcher of its own: its helpers are ended by the run itself (and die with this process). */
    public LabReplay(NativeSockets sockets, ProcessControl processes) {
        this(sockets, new HelperLauncher(processes));
    }

    /** With the launcher of whoever owns the run, which can end its helpers by PID (Ctrl-C). */
    public LabReplay(NativeSockets sockets, HelperLauncher helpers) {
        this.sockets = sockets;
        this.processes = helpers.processes();
        this.helpers = helpers;
    }

    public ReplayResult run(ReplayRequest request, CancelToken cancel) throws ExperimentException {
        return run(request, cancel, event -> { });
    }

    /** As {@link #run(ReplayRequest, CancelToken)}, handing each timeline event to {@code progress} as it happens. */
    public ReplayResult run(ReplayRequest request, CancelToken cancel, Consumer<TimelineEvent> progress)
            throws ExperimentException {
        check(request);
        Instant started = Instant.now();
        int self = processes.effectiveUid();
        List<String> notes = new ArrayList<>();
        int victimUid = request.victim().uid() < 0 ? self : request.victim().uid();
        int attackerUid = request.attacker().uid() < 0 ? self : request.attacker().uid();
        if (victimUid == attackerUid) {
            notes.add("victim and attacker both ran as " + Users.name(victimUid));
        }
        NetworkNamespace ns = null;
        SocketSide victim = null;
        SocketSide attacker = null;
        SocketSide client = null;
        try {
            if (request.namespace()) {
                ns = NetworkNamespace.create();
                if (request.unprivilegedPortStart() != null) {
                    ns.setUnprivilegedPortStart(request.unprivilegedPortStart());
                }
            }
            String nsName = ns == null ? null : ns.name();
            victim = helpers.start(victimUid, nsName, cancel);
            cancel.check();
            attacker = helpers.start(attackerUid, nsName, cancel);
            cancel.check();
            client = ns == null ? new LocalSide(sockets, self) : helpers.start(self, nsName, cancel);
            BindSemantics model = BindSemantics.forOs(request.os());
            BindQuestion question = Prediction.question(request.os(), request.protocol(), request.victim(),
                    request.attacker(), self, Prediction.modelPort(request.port(), request.unprivilegedPortStart()));
            BindAnswer prediction = model.answer(question);
            Encounter encounter = new Encounter(request.protocol(), request.victim(), request.attacker(),
                    request.target() != null ? request.target() : model.target(question)).onEvent(progress);
            if (ns == null) {
                encounter.checkingRefusalsWith(sockets); // on loopback, others can race for the port (defect 6)
            }
            EncounterResult result = encounter.run(victim, attacker, client, "replay", request.port(), request.attempts(), cancel);
            Outcome expected = model.outcomeAt(question, prediction, encounter.target());
            boolean complete = result.stopped() == null;
            Boolean agrees = complete ? Prediction.agrees(request.os(), withOutcome(prediction, expected), result.observed(),
                    result.secondBindError(), result.firstCouldStillListen()) : null;
            if (!complete) {
                notes.add("incomplete: " + result.stopped() + " after " + result.attempts() + " of " + request.attempts());
            }
            String finding = ReplayPreset.named(request.preset()).map(ReplayPreset::rule).orElse(null);
            Boolean demonstrates = finding == null || !complete ? null : result.toAttacker() > 0;
            return new ReplayResult("replay", request, victimUid, attackerUid, nsName, prediction, expected, result,
                    agrees, notes, HostFacts.hostName(), ToolInfo.current().version(), started,
                    complete ? Instant.now() : null, finding, demonstrates);
        } finally {
            SocketSide.closeAll(client, attacker, victim);
            if (ns != null) {
                ns.close();
            }
        }
    }

    private void check(ReplayRequest r) throws ExperimentException {
        OsFamily here = OsFamily.of(sockets.os());
        if (r.os() != here) {
            throw new ExperimentException("the case '" + r.preset() + "' is about " + r.os().wireName()
                    + " and runs only there; this machine runs " + sockets.os().wireName());
        }
        if (here != OsFamily.LINUX && here != OsFamily.WINDOWS) {
            throw new ExperimentException("lab replays run on Linux and Windows; this machine runs "
                    + sockets.os().wireName());
        }
        if (r.namespace() && here != OsFamily.LINUX) {
            throw new ExperimentException("network namespaces exist only on Linux; run the replay on loopback");
        }
        if (r.unprivilegedPortStart() != null && !r.namespace()) {
            throw new ExperimentException("the case '" + r.preset() + "' sets net.ipv4.ip_unprivileged_port_start,"
                    + " which a replay does only inside a network namespace created for it, never on the host");
        }
        if (r.unprivilegedPortStart() != null && (r.unprivilegedPortStart() < 0 || r.unprivilegedPortStart() > 1024)) {
            throw new ExperimentException("net.ipv4.ip_unprivileged_port_start " + r.unprivilegedPortStart()
                    + " is outside 0..1024");
        }
        if (r.unprivilegedPortStart() != null && !processes.canActAsOtherUsers()) {
            throw new ExperimentException("the case '" + r.preset() + "' sets net.ipv4.ip_unprivileged_port_start"
                    + " inside a network namespace created for it, which needs root (this process runs as uid "
                    + processes.effectiveUid() + ")");
        }
        if (r.namespace() && !processes.canActAsOtherUsers()) {
            throw new ExperimentException("a replay in a network namespace needs root (this process runs as uid "
                    + processes.effectiveUid() + "); run it without --netns on loopback");
        }
        Limits.attempts(r.attempts());
        if (r.port() < 0 || r.port() > 65535) {
            throw new ExperimentException("port " + r.port() + " is outside 0..65535");
        }
        AddressPolicy.requireLab(r.victim().address());
        AddressPolicy.requireLab(r.attacker().address());
        if (r.target() != null) {
            AddressPolicy.requireDestination(r.target());
        }
    }

    private static BindAnswer withOutcome(BindAnswer a, Outcome outcome) {
        return new BindAnswer(outcome, a.error(), a.firstCanStillListen(), a.explanation(), a.sources());
    }
}
