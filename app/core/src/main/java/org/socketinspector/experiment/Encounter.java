package org.socketinspector.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.socketinspector.lesson.SocketSpec;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.semantics.BindState;
import org.socketinspector.semantics.Outcome;
import org.socketinspector.sockets.NativeSocketException;
import org.socketinspector.sockets.NativeSockets;

/**
 * The core of the replay and of each matrix cell: a first socket (the victim) binds and maybe listens; a second
 * one (the attacker) binds the same port; if it may, it listens at once (an attacker would, and so it wins the
 * listen race against a victim that was only bound), then the victim listens if it had not; then a client sends
 * tagged connections or datagrams to the target address, and each one is attributed to whoever got its tag.
 */
public final class Encounter {

    /** Roles in the timeline and in the counts. */
    public static final String FIRST = "victim";
    public static final String SECOND = "attacker";
    /** How often a victim may retry with a new port that another program took between reservation and bind. */
    private static final int PORT_RETRIES = 3;

    private final Protocol protocol;
    private final SocketSpec first;
    private final SocketSpec second;
    private final List<TimelineEvent> timeline = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> receivedBy = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> arrivals = new ConcurrentHashMap<>();
    private final String target;
    private final BindState firstState;
    /** The client's bound UDP socket a connected victim talks to; null when the client sends from fresh sockets. */
    private String peerId;
    private String lastError;
    private volatile int sentSoFar;
    private volatile Consumer<TimelineEvent> listener = e -> { };
    /** Tells whose socket refused a bind; null: no check (a namespace of the experiment's own, tests). */
    private RefusalCheck refusals;

    /**
     * @param target where the client sends (loopback): the case's explicit target, or the model's choice
     *               ({@code BindSemantics.target}) for the address both sockets claim
     */
    public Encounter(Protocol protocol, SocketSpec first, SocketSpec second, String target) {
        this(protocol, first, second, target, first.listen() ? BindState.LISTEN : BindState.BOUND);
    }

    /**
     * @param firstState what the victim is when the attacker binds: bound, listening, only TIME_WAIT connections it
     *                   left (TCP: it listens, a loopback client connects to the target, the victim closes the
     *                   connection first, then its listener), or connected to the client (UDP)
     */
    public Encounter(Protocol protocol, SocketSpec first, SocketSpec second, String target, BindState firstState) {
        this.protocol = protocol;
        this.first = first;
        this.second = second;
        this.target = Objects.requireNonNull(target, "target");
        this.firstState = firstState;
    }

    /**
     * Checks every EADDRINUSE the encounter observes against the kernel's table read through {@code table}: a
     * refusal while another socket than the encounter's holds the port throws {@link InterferenceException}, never
     * a "refused" verdict. Not for an encounter in a network namespace of its own (the table read is this process's).
     */
    public Encounter checkingRefusalsWith(NativeSockets table) {
        this.refusals = table == null ? null : new RefusalCheck(table);
        return this;
    }

    /** Where the client sends. */
    public String target() {
        return target;
    }

    /**
     * Runs it. Sockets are named {@code idPrefix + "-victim"} etc. on their sides and always closed at the end.
     *
     * @param port 0 to let the kernel choose a free port for the victim
     */
    public EncounterResult run(SocketSide firstSide, SocketSide secondSide, SocketSide client, String idPrefix,
                               int port, int attempts, CancelToken cancel) throws ExperimentException {
        String firstId = idPrefix + "-" + FIRST;
        String secondId = idPrefix + "-" + SECOND;
        try {
            int bound = open(firstSide, firstId, first, FIRST, port == 0 ? freePort(firstSide, idPrefix) : port);
            for (int retry = 0; bound < 0 && port == 0 && addressInUse(lastError) && retry < PORT_RETRIES; retry++) {
                // Another program took the reserved port before the victim bound it; take another one.
                event("experiment", "retry", "the reserved port was taken meanwhile; reserving another one");
                firstSide.closeSocket(firstId);
                bound = open(firstSide, firstId, first, FIRST, freePort(firstSide, idPrefix));
            }
            if (bound < 0) {
                throw new ExperimentException("the victim could not bind " + first.address() + " port " + port
                        + ": " + lastError);
            }
            boolean tcp = protocol == Protocol.TCP;
            if (tcp && first.listen() && !listen(firstSide, firstId, FIRST)) {
                throw new ExperimentException("the victim could not listen: " + lastError);
            }
            boolean gone = firstState == BindState.TIME_WAIT;
            if (gone) {
                leaveTimeWait(firstSide, client, firstId, idPrefix, bound);
            } else if (firstState == BindState.CONNECTED) {
                connectToPeer(firstSide, client, firstId, idPrefix);
            }
            cancel.check();
            boolean onlyBound = tcp && !first.listen() && !gone;
            if (open(secondSide, secondId, second, SECOND, bound) < 0) {
                String refusal = lastError;
                requireOwnRefusal(refusal, "the attacker's bind of " + second.label() + " port " + bound, bound,
                        firstSide, firstId, !gone, null, null);
                Boolean firstCanListen = onlyBound ? listen(firstSide, firstId, FIRST) : null;
                if (Boolean.FALSE.equals(firstCanListen)) {
                    requireOwnRefusal(lastError, "the victim's listen on port " + bound, bound, firstSide, firstId,
                            true, null, null);
                }
                return result(bound, refusal, firstCanListen, 0, Outcome.REFUSED, null);
            }
            boolean secondServes = !tcp || listen(secondSide, secondId, SECOND);
            if (tcp && !secondServes) {
                requireOwnRefusal(lastError, "the attacker's listen on port " + bound, bound, firstSide, firstId, !gone,
                        secondSide, secondId);
            }
            boolean firstServes = !gone && (!tcp || first.listen());
            Boolean firstCouldStillListen = null;
            if (onlyBound) {
                firstCouldStillListen = listen(firstSide, firstId, FIRST);
                firstServes = firstCouldStillListen;
                if (!firstCouldStillListen) {
                    requireOwnRefusal(lastError, "the victim's listen on port " + bound, bound, firstSide, firstId,
                            true, secondSide, secondId);
                }
            }
            if (firstServes) {
                firstSide.serve(firstId, d -> arrived(d, FIRST));
            }
            if (secondServes) {
                secondSide.serve(secondId, d -> arrived(d, SECOND));
            }
            int sent;
            String stopped = null;
            try {
                sent = sendAll(client, bound, attempts, cancel);
            } catch (CancelToken.CancelledException e) {
                // Keep what was observed so far: a cancelled run is still a record of what happened.
                stopped = e.getMessage();
                event("experiment", "stopped", stopped);
                sent = sentSoFar;
            }
            long toSecond = receivedBy.values().stream().filter(SECOND::equals).count();
            long total = receivedBy.size();
            Outcome observed = toSecond == 0 ? Outcome.SEPARATE : toSecond == total ? Outcome.STEALS : Outcome.SHARES;
            return result(bound, null, firstCouldStillListen, sent, observed, stopped);
        } catch (NativeSocketException e) {
            throw new ExperimentException("experiment step failed: " + e.getMessage());
        } finally {
            secondSide.closeSocket(secondId);
            firstSide.closeSocket(firstId);
            if (peerId != null) {
                client.closeSocket(peerId);
            }
        }
    }

    /** How long each step of making TIME_WAIT may take (accept, the server's FIN, the last ACK). */
    private static final int TIME_WAIT_STEP_MILLIS = 2000;

    /**
     * The victim listens, a loopback client connects to the target, the victim accepts and closes the connection
     * first, the client closes its side once it saw the FIN, and the victim closes its listener: the port then
     * holds only the victim's TIME_WAIT connection, with the listener's options and owner.
     */
    private void leaveTimeWait(SocketSide firstSide, SocketSide client, String firstId, String idPrefix, int port)
            throws NativeSocketException, ExperimentException {
        if (!listen(firstSide, firstId, FIRST)) {
            throw new ExperimentException("the victim could not listen: " + lastError);
        }
        String clientId = idPrefix + "-tw-client";
        String connectionId = firstId + "-connection";
        client.open(clientId, Protocol.TCP, Family.ofAddress(target));
        try {
            client.connect(clientId, target, port);
            if (!firstSide.accept(firstId, connectionId, TIME_WAIT_STEP_MILLIS)) {
                throw new ExperimentException("the victim got no connection to leave in TIME_WAIT");
            }
            firstSide.closeSocket(connectionId); // the server closes first: TIME_WAIT lands on its side
            if (!client.finishAfterPeer(clientId, TIME_WAIT_STEP_MILLIS)) {
                throw new ExperimentException("the connection to leave in TIME_WAIT did not close in time");
            }
        } finally {
            client.closeSocket(clientId);
        }
        firstSide.closeSocket(firstId);
        // A plain bind of the connection's address must now fail: otherwise the kernel dropped the TIME_WAIT socket.
        String probeId = idPrefix + "-tw-probe";
        client.open(probeId, Protocol.TCP, Family.ofAddress(target));
        try {
            client.bind(probeId, target, port);
            throw new TimeWaitLostException("no TIME_WAIT connection holds " + target + " port " + port
                    + " (net.ipv4.tcp_max_tw_buckets reached?)");
        } catch (NativeSocketException e) {
            // EADDRINUSE: the TIME_WAIT connection holds the port, as it should
        } finally {
            client.closeSocket(probeId);
        }
        event(FIRST, "time-wait", "closed its connection first and its listener: only TIME_WAIT holds " + target
                + " port " + port);
    }

    /** The client binds a UDP socket on loopback; the victim connects to it (the client then sends from it). */
    private void connectToPeer(SocketSide firstSide, SocketSide client, String firstId, String idPrefix)
            throws NativeSocketException {
        Family family = Family.ofAddress(target);
        String peer = family == Family.IPV4 ? "127.0.0.1" : "::1";
        peerId = idPrefix + "-peer";
        client.open(peerId, Protocol.UDP, family);
        int peerPort = client.bind(peerId, peer, 0);
        String seenFromVictim = first.family() == Family.IPV6 && family == Family.IPV4 ? "::ffff:" + peer : peer;
        firstSide.connect(firstId, seenFromVictim, peerPort);
        event(FIRST, "connect", "to the client at " + seenFromVictim + " port " + peerPort);
    }

    /**
     * An EADDRINUSE is the encounter's verdict only if nothing but its own sockets holds the port right now (see
     * {@link RefusalCheck}); its sockets: the victim's (while it exists) and the attacker's when it is bound.
     */
    private void requireOwnRefusal(String error, String what, int port, SocketSide firstSide, String firstId,
                                   boolean victimOpen, SocketSide secondSide, String secondId)
            throws InterferenceException {
        if (refusals == null || !addressInUse(error)) {
            return;
        }
        java.util.Set<Long> ours = new java.util.HashSet<>();
        if (victimOpen) {
            addInode(ours, firstSide, firstId);
        }
        if (secondSide != null) {
            addInode(ours, secondSide, secondId);
        }
        refusals.requireOnlyOurs(protocol, port, ours, firstState == BindState.TIME_WAIT, what + " (" + error + ")");
    }

    private static void addInode(java.util.Set<Long> into, SocketSide side, String id) {
        try {
            into.add(side.inode(id));
        } catch (RuntimeException e) { // NativeSocketException included
            // not known: every holder then counts as foreign, so the run is inconclusive rather than wrong
        }
    }

    private static boolean addressInUse(String error) {
        return "EADDRINUSE".equals(error) || "WSAEADDRINUSE".equals(error);
    }

    /**
     * A port nothing uses on any address: a dual-stack wildcard socket binds port 0 and is closed again. Binding the
     * victim's own address with port 0 is not enough: the kernel then only avoids ports used on that address, and
     * the attacker's different address may find the port taken by an unrelated socket (e.g. another program's
     * client connection on 127.0.0.1), which would show as a refusal the semantics do not explain.
     */
    private int freePort(SocketSide side, String idPrefix) throws NativeSocketException {
        String id = idPrefix + "-port";
        side.open(id, protocol, Family.IPV6);
        try {
            side.option(id, SocketOption.V6ONLY, false);
            return side.bind(id, "::", 0);
        } finally {
            side.closeSocket(id);
        }
    }

    private int open(SocketSide side, String id, SocketSpec spec, String actor, int port) throws NativeSocketException {
        side.open(id, protocol, spec.family());
        for (SocketOption option : spec.options()) {
            if (option != SocketOption.V6ONLY) {
                side.option(id, option, true);
            }
        }
        if (spec.family() == Family.IPV6) {
            side.option(id, SocketOption.V6ONLY, spec.options().contains(SocketOption.V6ONLY));
        }
        try {
            int bound = side.bind(id, spec.address(), port);
            event(actor, "bind", spec.label() + " port " + bound + " as uid " + side.uid() + ": ok");
            return bound;
        } catch (NativeSocketException e) {
            if (e.call().equals("helper")) {
                throw e; // the helper did not answer (stopped, gone): that is no bind error of the kernel
            }
            event(actor, "bind", spec.label() + " port " + port + " as uid " + side.uid() + ": " + e.errorName());
            lastError = e.errorName();
            return -1;
        }
    }

    private boolean listen(SocketSide side, String id, String actor) {
        try {
            side.listen(id);
            event(actor, "listen", "ok");
            return true;
        } catch (NativeSocketException e) {
            event(actor, "listen", e.errorName());
            lastError = e.errorName();
            return false;
        }
    }

    private int sendAll(SocketSide client, int port, int attempts, CancelToken cancel) throws ExperimentException {
        sentSoFar = 0;
        for (int i = 1; i <= attempts; i++) {
            cancel.check();
            String tag = Integer.toString(i);
            CountDownLatch arrival = arrivals.computeIfAbsent(tag, t -> new CountDownLatch(1));
            try {
                if (peerId != null) {
                    client.sendFrom(peerId, target, port, tag);
                } else {
                    client.sendTag(protocol, target, port, tag);
                }
                sentSoFar++;
            } catch (NativeSocketException e) {
                event("client", protocol == Protocol.TCP ? "connect" : "send", "#" + tag + " to " + target + ": " + e.errorName());
                continue;
            }
            try {
                if (!arrival.await(Limits.DELIVERY_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    event("client", "lost", "#" + tag + " reached nobody within " + Limits.DELIVERY_WAIT_MILLIS + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelToken.CancelledException("interrupted");
            }
        }
        return sentSoFar;
    }

    private void arrived(Delivery delivery, String actor) {
        receivedBy.putIfAbsent(delivery.tag(), actor);
        add(new TimelineEvent(delivery.at(), actor, protocol == Protocol.TCP ? "accepted" : "received",
                "#" + delivery.tag()));
        arrivals.computeIfAbsent(delivery.tag(), t -> new CountDownLatch(1)).countDown();
    }

    /**
     * Also hands every timeline event to {@code listener} as it happens (the GUI's live per-side counters). Called on
     * the experiment's threads; the listener must be quick and thread-safe.
     */
    public Encounter onEvent(Consumer<TimelineEvent> newListener) {
        this.listener = newListener;
        return this;
    }

    private void add(TimelineEvent e) {
        timeline.add(e);
        listener.accept(e);
    }

    private void event(String actor, String event, String detail) {
        add(new TimelineEvent(Instant.now(), actor, event, detail));
    }

    private EncounterResult result(int port, String secondBindError, Boolean firstCouldStillListen, int sent,
                                   Outcome observed, String stopped) {
        int toFirst = (int) receivedBy.values().stream().filter(FIRST::equals).count();
        int toSecond = (int) receivedBy.values().stream().filter(SECOND::equals).count();
        List<TimelineEvent> ordered = new ArrayList<>(timeline);
        ordered.sort((a, b) -> a.at().compareTo(b.at()));
        return new EncounterResult(port, target(), secondBindError, firstCouldStillListen, sent, toFirst, toSecond,
                sent - toFirst - toSecond, observed, ordered, stopped);
    }
}
