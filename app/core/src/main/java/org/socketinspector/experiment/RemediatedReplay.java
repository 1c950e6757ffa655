package org.socketinspector.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.socketinspector.lesson.LabNamespace;
import org.socketinspector.lesson.Remedy;
import org.socketinspector.lesson.ReplayPreset;
import org.socketinspector.lesson.SocketSpec;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.model.ToolInfo;
import org.socketinspector.nativeio.ProcessControl;
import org.socketinspector.semantics.BindAnswer;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.Outcome;
import org.socketinspector.sockets.NativeSocketException;
import org.socketinspector.sockets.NativeSockets;

/**
 * The other half of a preset: its rule's remediation applied to the victim, the same attacker, and a client that
 * checks both that the attack fails and that the service is still reached on every address it served before
 * (docs/experiments.md, "Remediated replays"). A fix of the victim's sockets runs on a free loopback port; a fix of
 * a host setting ({@link Remedy#namespace()}) runs in a network namespace created for it, with the setting fixed
 * there only. A case about another OS is not run: its outcome is the model's prediction (for Windows, Microsoft's
 * tables), and the record says so.
 */
public final class RemediatedReplay {

    private static final String VICTIM = "fixed-victim";
    private static final String ATTACKER = "fixed-attacker";

    private final NativeSockets sockets;
    private final ProcessControl processes;
    private final HelperLauncher helpers;

    /** With a launcher of its own: its helpers are ended by the run itself (and die with this process). */
    public RemediatedReplay(NativeSockets sockets, ProcessControl processes) {
        this(sockets, new HelperLauncher(processes));
    }

    /** With the launcher of whoever owns the run, which can end its helpers by PID (Ctrl-C). */
    public RemediatedReplay(NativeSockets sockets, HelperLauncher helpers) {
        this.sockets = sockets;
        this.processes = helpers.processes();
        this.helpers = helpers;
    }

    public RemedyResult run(ReplayPreset preset, int attempts, CancelToken cancel) throws ExperimentException {
        if (preset.remedy() == null) {
            throw new ExperimentException("the preset '" + preset.name() + "' demonstrates no rule, so it has no"
                    + " remediation to apply");
        }
        Limits.attempts(attempts);
        int self = processes.effectiveUid();
        Remedy remedy = preset.remedy();
        List<SocketSpec> victims = remedy.victim().stream().map(s -> ReplayRequest.resolve(s, self)).toList();
        SocketSpec attacker = ReplayRequest.resolve(preset.attacker(), self);
        for (SocketSpec s : victims) {
            AddressPolicy.requireLab(s.address());
        }
        Instant started = Instant.now();
        if (preset.os() != OsFamily.of(sockets.os())) {
            return predicted(preset, victims, attacker, self, started);
        }
        return live(preset, victims, attacker, self, attempts, cancel, started);
    }

    /** The model's answer for each of the fixed victim's sockets: the attack fails if any of them refuses it. */
    static RemedyResult predicted(ReplayPreset preset, List<SocketSpec> victims, SocketSpec attacker, int self,
                                  Instant started) {
        BindSemantics model = BindSemantics.forOs(preset.os());
        String refusal = null;
        boolean takes = false;
        String target = null;
        LabNamespace lab = preset.remedy().namespace();
        Integer port = lab == null ? null : Prediction.modelPort(lab.port(), lab.unprivilegedPortStart());
        for (SocketSpec v : victims) {
            BindQuestion q = Prediction.question(preset.os(), preset.protocol(), v, attacker, self, port);
            BindAnswer a = model.answer(q);
            String at = preset.target() != null ? preset.target() : model.target(q);
            target = target == null ? at : target;
            if (a.outcome() == Outcome.REFUSED) {
                refusal = a.error();
            } else if (model.outcomeAt(q, a, at) != Outcome.SEPARATE) {
                takes = true;
            }
        }
        boolean fixed = refusal != null || !takes;
        Map<String, Integer> served = new LinkedHashMap<>();
        preset.remedy().servedBefore().forEach(a -> served.put(a, 0));
        return new RemedyResult("replay-remediated", preset.name(), preset.rule(), preset.protocol(), 0, target,
                preset.remedy().description(), refusal, 0, 0, served, fixed, true, List.of(), null,
                lab == null ? null : lab.unprivilegedPortStart(), HostFacts.hostName(), ToolInfo.current().version(),
                started, Instant.now());
    }

    private RemedyResult live(ReplayPreset preset, List<SocketSpec> victims, SocketSpec attackerSpec, int self,
                              int attempts, CancelToken cancel, Instant started) throws ExperimentException {
        List<TimelineEvent> timeline = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> receivedBy = new ConcurrentHashMap<>();
        Map<String, CountDownLatch> arrivals = new ConcurrentHashMap<>();
        Protocol protocol = preset.protocol();
        boolean tcp = protocol == Protocol.TCP;
        int victimUid = victims.get(0).uid() < 0 ? self : victims.get(0).uid();
        int attackerUid = attackerSpec.uid() < 0 ? self : attackerSpec.uid();
        LabNamespace lab = preset.remedy().namespace();
        if (lab != null && !processes.canActAsOtherUsers()) {
            throw new ExperimentException("the fix of '" + preset.name() + "' sets net.ipv4.ip_unprivileged_port_start"
                    + " inside a network namespace created for it, which needs root (this process runs as uid "
                    + self + ")");
        }
        NetworkNamespace ns = null;
        SocketSide victim = null;
        SocketSide attacker = null;
        SocketSide client = null;
        try {
            if (lab != null) {
                ns = NetworkNamespace.create();
                ns.setUnprivilegedPortStart(lab.unprivilegedPortStart());
                timeline.add(new TimelineEvent(Instant.now(), "experiment", "namespace", ns.name()
                        + ": net.ipv4.ip_unprivileged_port_start=" + lab.unprivilegedPortStart()));
            }
            String nsName = ns == null ? null : ns.name();
            victim = helpers.start(victimUid, nsName, cancel);
            cancel.check();
            attacker = helpers.start(attackerUid, nsName, cancel);
            cancel.check();
            client = ns == null ? new LocalSide(sockets, self) : helpers.start(self, nsName, cancel);
            int port = lab == null ? freePort(client, protocol) : lab.port();
            for (int i = 0; i < victims.size(); i++) {
                SocketSpec v = victims.get(i);
                String id = VICTIM + i;
                open(victim, id, protocol, v);
                victim.bind(id, v.address(), port);
                if (tcp && v.listen()) {
                    victim.listen(id);
                }
                timeline.add(new TimelineEvent(Instant.now(), "victim", "bind", v.label() + " port " + port + ": ok"));
            }
            String refusal = null;
            open(attacker, ATTACKER, protocol, attackerSpec);
            try {
                attacker.bind(ATTACKER, attackerSpec.address(), port);
                if (tcp) {
                    attacker.listen(ATTACKER);
                }
                timeline.add(new TimelineEvent(Instant.now(), "attacker", "bind", attackerSpec.label() + ": ok"));
            } catch (NativeSocketException e) {
                if (e.call().equals("helper")) {
                    throw e; // the helper stopped answering: no bind error of the kernel
                }
                refusal = e.errorName();
                timeline.add(new TimelineEvent(Instant.now(), "attacker", "bind", attackerSpec.label() + ": "
                        + refusal));
                if (ns == null && "EADDRINUSE".equals(refusal)) {
                    // The fix's verdict only if its own victim refused the attacker (defect 6).
                    java.util.Set<Long> ours = new java.util.HashSet<>();
                    for (int i = 0; i < victims.size(); i++) {
                        ours.add(victim.inode(VICTIM + i));
                    }
                    new RefusalCheck(sockets).requireOnlyOurs(protocol, port, ours, false,
                            "the attacker's bind of " + attackerSpec.label() + " port " + port + " (" + refusal + ")");
                }
            }
            for (int i = 0; i < victims.size(); i++) {
                if (tcp && !victims.get(i).listen()) {
                    victim.listen(VICTIM + i); // the fix for a bound-only victim: it listens before anyone else can
                }
                victim.serve(VICTIM + i, d -> arrived(d, "victim", receivedBy, arrivals));
            }
            if (refusal == null) {
                attacker.serve(ATTACKER, d -> arrived(d, "attacker", receivedBy, arrivals));
            }
            BindSemantics model = BindSemantics.forOs(preset.os());
            BindQuestion q = Prediction.question(preset.os(), protocol, ReplayRequest.resolve(preset.victim(), self),
                    attackerSpec, self, lab == null ? null : Prediction.modelPort(lab.port(), lab.unprivilegedPortStart()));
            String target = preset.target() != null ? preset.target() : model.target(q);
            List<String> addresses = new ArrayList<>();
            addresses.add(target);
            preset.remedy().servedBefore().stream().filter(a -> !a.equals(target)).forEach(addresses::add);
            Map<String, Integer> reached = new LinkedHashMap<>();
            int toAttacker = 0;
            int tag = 0;
            for (String address : addresses) {
                int toVictim = 0;
                for (int i = 0; i < attempts; i++) {
                    cancel.check();
                    String t = Integer.toString(++tag);
                    CountDownLatch arrival = arrivals.computeIfAbsent(t, k -> new CountDownLatch(1));
                    try {
                        client.sendTag(protocol, address, port, t);
                        arrival.await(Limits.DELIVERY_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                    } catch (NativeSocketException e) {
                        timeline.add(new TimelineEvent(Instant.now(), "client", "send", "#" + t + " to " + address
                                + ": " + e.errorName()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CancelToken.CancelledException("interrupted");
                    }
                    String who = receivedBy.get(t);
                    toVictim += "victim".equals(who) ? 1 : 0;
                    toAttacker += "attacker".equals(who) ? 1 : 0;
                }
                if (preset.remedy().servedBefore().contains(address)) {
                    reached.put(address, toVictim);
                }
            }
            final int attackerGot = toAttacker;
            boolean fixed = attackerGot == 0 && reached.values().stream().allMatch(n -> n == attempts);
            List<TimelineEvent> ordered = new ArrayList<>(timeline);
            ordered.sort((a, b) -> a.at().compareTo(b.at()));
            return new RemedyResult("replay-remediated", preset.name(), preset.rule(), protocol, port, target,
                    preset.remedy().description(), refusal, attempts, attackerGot, reached, fixed, false, ordered,
                    nsName, lab == null ? null : lab.unprivilegedPortStart(), HostFacts.hostName(),
                    ToolInfo.current().version(), started, Instant.now());
        } catch (NativeSocketException e) {
            throw new ExperimentException("remediated replay step failed: " + e.getMessage());
        } finally {
            SocketSide.closeAll(client, attacker, victim);
            if (ns != null) {
                ns.close();
            }
        }
    }

    private static void open(SocketSide side, String id, Protocol protocol, SocketSpec spec)
            throws NativeSocketException {
        side.open(id, protocol, spec.family());
        for (SocketOption o : spec.options()) {
            if (o != SocketOption.V6ONLY) {
                side.option(id, o, true);
            }
        }
        if (spec.family() == Family.IPV6) {
            side.option(id, SocketOption.V6ONLY, spec.options().contains(SocketOption.V6ONLY));
        }
    }

    /** A port free on every address (a dual-stack wildcard socket binds port 0 and is closed), as Encounter does. */
    private static int freePort(SocketSide side, Protocol protocol) throws NativeSocketException {
        side.open("fixed-port", protocol, Family.IPV6);
        try {
            side.option("fixed-port", SocketOption.V6ONLY, false);
            return side.bind("fixed-port", "::", 0);
        } finally {
            side.closeSocket("fixed-port");
        }
    }

    private static void arrived(Delivery d, String actor, Map<String, String> receivedBy,
                                Map<String, CountDownLatch> arrivals) {
        receivedBy.putIfAbsent(d.tag(), actor);
        arrivals.computeIfAbsent(d.tag(), t -> new CountDownLatch(1)).countDown();
    }
}
