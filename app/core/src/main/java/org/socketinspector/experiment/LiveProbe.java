package org.socketinspector.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.socketinspector.lesson.SocketSpec;
import org.socketinspector.model.Family;
import org.socketinspector.model.ProbeResult;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.model.ToolInfo;
import org.socketinspector.nativeio.ProcessControl;
import org.socketinspector.semantics.BindAnswer;
import org.socketinspector.semantics.BindEndpoint;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.Outcome;
import org.socketinspector.sockets.NativeSocketException;
import org.socketinspector.sockets.NativeSockets;

/**
 * Probes a live port of this machine: can a second socket with these options, as this user, bind it? The probe
 * socket never listens and sends nothing, and is closed right after bind, so a TCP service is not disturbed.
 */
public final class LiveProbe {

    private final NativeSockets sockets;

    private final ProcessControl processes;

    /** The regime this host's sockets follow: what the probe's prediction is asked of. */
    private final OsFamily here;

    private final HelperLauncher helpers;

    /** With a launcher of its own: its helper is ended by the probe itself (and dies with this process). */
    public LiveProbe(NativeSockets sockets, ProcessControl processes) {
        this(sockets, new HelperLauncher(processes));
    }

    /** With the launcher of whoever owns the run, which can end its helper by PID (Ctrl-C). */
    public LiveProbe(NativeSockets sockets, HelperLauncher helpers) {
        this.sockets = sockets;
        this.processes = helpers.processes();
        this.helpers = helpers;
        this.here = OsFamily.of(sockets.os());
    }

    public ProbeRecord run(ProbeRequest r, CancelToken cancel) throws ExperimentException {
        int self = processes.effectiveUid();
        new ProbeCheck(here, self).require(r);
        cancel.check();
        Instant started = Instant.now();
        int uid = r.uid() < 0 ? self : r.uid();
        List<TimelineEvent> timeline = new ArrayList<>();
        ProbeResult result;
        try (SocketSide side = uid == self ? new LocalSide(sockets, self) : helpers.start(uid, null, cancel)) {
            side.open("probe", r.protocol(), Family.ofAddress(r.probeAddress()));
            for (SocketOption o : r.options()) {
                side.option("probe", o, true);
            }
            if (BindEndpoint.mapped(r.probeAddress()) && !r.options().contains(SocketOption.V6ONLY)) {
                side.option("probe", SocketOption.V6ONLY, false); // only a dual-stack socket may bind ::ffff:a.b.c.d
            }
            try {
                side.bind("probe", r.probeAddress(), r.port());
                result = new ProbeResult(r.probeAddress(), r.options(), true, null, 0);
            } catch (NativeSocketException e) {
                if (e.call().equals("helper")) {
                    throw e; // the helper stopped answering (ended by PID): no verdict
                }
                if (!VERDICTS.contains(e.errorName())) {
                    // The probe's own socket failed (EINVAL, EAFNOSUPPORT...): that says nothing of the listener.
                    side.closeSocket("probe");
                    throw new ExperimentException("probe failed: its own socket could not bind " + r.probeAddress()
                            + " port " + r.port() + " (" + e.errorName() + "); no verdict, nothing stored");
                }
                result = new ProbeResult(r.probeAddress(), r.options(), false, e.errorName(), e.errorCode());
            }
            timeline.add(new TimelineEvent(Instant.now(), "probe", "bind", r.probeAddress() + ":" + r.port() + " as uid "
                    + uid + ": " + (result.bound() ? "ok" : result.error())));
            side.closeSocket("probe");
            timeline.add(new TimelineEvent(Instant.now(), "probe", "close", "closed at once, never listened"));
        } catch (NativeSocketException e) {
            throw new ExperimentException("probe failed: " + e.getMessage());
        }
        BindAnswer prediction = predict(r, uid, self, here);
        Outcome observed = result.bound() ? (overlaps(r, here) ? Outcome.SHARES : Outcome.SEPARATE)
                : Outcome.REFUSED;
        Boolean agrees = prediction == null ? null
                : (prediction.outcome() == Outcome.REFUSED) == (observed == Outcome.REFUSED)
                  && (result.bound() || prediction.error() == null || prediction.error().equals(result.error()));
        String finding = finding(r, here);
        return new ProbeRecord("probe", r, uid, result, prediction, agrees, finding,
                finding == null ? null : result.bound(),
                attacker(r, uid, result, here), timeline, HostFacts.hostName(), ToolInfo.current().version(), started,
                Instant.now());
    }

    /** Whether the probe's address claims any of the listener's (same address, or one covers the other). */
    private static boolean overlaps(ProbeRequest r, OsFamily os) {
        return Prediction.overlap(os, new SocketSpec(r.listenerAddress(), Set.of(), -1, true),
                new SocketSpec(r.probeAddress(), r.options(), -1, false));
    }

    private static BindAnswer predict(ProbeRequest r, int uid, int self, OsFamily here) {
        if (r.victimOptions() == null || r.victimUser() == null) {
            return null;
        }
        SocketSpec victim = new SocketSpec(r.listenerAddress(), r.victimOptions(), uid(r.victimUser(), self),
                !r.victimBoundOnly());
        SocketSpec probe = new SocketSpec(r.probeAddress(), r.options(), uid, false);
        return BindSemantics.forOs(here).answer(Prediction.question(here, r.protocol(), victim, probe, self, r.port()));
    }

    private static int uid(String user, int fallback) {
        try {
            return Users.uid(user);
        } catch (ExperimentException e) {
            return fallback;
        }
    }

    /**
     * The bind errors that answer the probe's question (the port is taken, or not this user's, or the address does
     * not exist here): any other error is the probe's own failure, never a verdict.
     */
    private static final Set<String> VERDICTS = Set.of("EADDRINUSE", "EACCES", "EADDRNOTAVAIL", "EPERM",
            "WSAEADDRINUSE", "WSAEACCES", "WSAEADDRNOTAVAIL");

    /**
     * The finding of the probed socket this probe tests (rule id, see docs/experiments.md): the rule its options and
     * address speak to, when the audit raised that rule for this socket (or, when the socket's findings are not
     * known, when it is a rule a probe can test); else null.
     */
    static String finding(ProbeRequest r, OsFamily os) {
        String tested = testedRule(r, os);
        if (r.socketFindings() != null) {
            return r.socketFindings().contains(tested) ? tested : null;
        }
        return tested.equals("REUSE-GROUP-OBSERVED") ? null : tested; // an observation of other sockets, not a bind
    }

    /** The rule this probe's options and address speak to, whether or not the socket was given it. */
    static String testedRule(ProbeRequest r, OsFamily os) {
        if (!overlaps(r, os)) {
            return "LOCALHOST-FAMILY-SHADOW";
        }
        if (os == OsFamily.WINDOWS && r.options().contains(SocketOption.REUSEADDR)) {
            boolean shared = r.victimOptions() != null && r.victimOptions().contains(SocketOption.REUSEADDR);
            return shared ? "WIN-REUSEADDR-SHARED" : "WIN-NOT-EXCLUSIVE";
        }
        if (r.options().contains(SocketOption.REUSEPORT)) {
            return "LINUX-REUSEPORT-GROUP";
        }
        if (r.protocol() == Protocol.UDP && r.options().contains(SocketOption.REUSEADDR)) {
            return "LINUX-UDP-REUSEADDR";
        }
        if (r.victimBoundOnly() && r.options().contains(SocketOption.REUSEADDR)) {
            return "TCP-BOUND-REUSEADDR";
        }
        return "REUSE-GROUP-OBSERVED";
    }

    private static String attacker(ProbeRequest r, int uid, ProbeResult result, OsFamily here) {
        String who = "a process of " + Users.name(uid) + " (uid " + uid + ")";
        String with = "with " + (result.optionSet().isEmpty() ? "no options" : result.options());
        String traffic = r.protocol() == Protocol.TCP ? "connections" : "datagrams";
        if (!result.bound()) {
            return who + " " + with + " cannot bind " + r.probeAddress() + ":" + r.port() + " (" + result.error()
                    + "): it cannot take this port's " + traffic + " this way";
        }
        if (!overlaps(r, here)) {
            return who + " " + with + " can bind " + r.probeAddress() + ":" + r.port() + " next to the service on "
                    + r.listenerAddress() + ": clients that reach the port through " + r.probeAddress()
                    + " (e.g. localhost resolved to the other family) would reach it instead";
        }
        if (r.victimBoundOnly()) {
            return who + " " + with + " can bind " + r.probeAddress() + ":" + r.port() + " next to the bound socket"
                    + " and, by listening first, make its listen() fail and receive the connections meant for it";
        }
        return who + " " + with + " can bind " + r.probeAddress() + ":" + r.port()
                + (r.protocol() == Protocol.TCP ? " and, by listening, receive new " : " and receive ")
                + traffic + " meant for the service (" + r.protocol().name().toLowerCase(Locale.ROOT)
                + "; see a lab replay of the same case for who gets how many)";
    }
}
