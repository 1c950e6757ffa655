package org.socketinspector.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.socketinspector.lesson.SocketSpec;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.ToolInfo;
import org.socketinspector.nativeio.ProcessControl;
import org.socketinspector.semantics.BindAnswer;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.BindState;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.Outcome;
import org.socketinspector.semantics.QuestionSpace;
import org.socketinspector.sockets.NativeSockets;

/**
 * Runs every cell of a question space with real sockets next to the model's answer. Cells run in parallel, each
 * on its own kernel-chosen port; sockets of other users live in one helper per worker and user. Only loopback
 * and wildcard addresses are accepted; traffic goes to loopback only.
 */
public final class BindMatrix {

    public static final int DEFAULT_ATTEMPTS = 16;
    public static final int MAX_PARALLELISM = 8;

    private final NativeSockets sockets;
    private final ProcessControl processes;
    private final HelperLauncher helpers;
    private final BindSemantics model;
    private final int attempts;
    private final int parallelism;

    /** With a launcher of its own: its helpers are ended by the run itself (and die with this process). */
    public BindMatrix(NativeSockets sockets, ProcessControl processes, BindSemantics model, int attempts, int parallelism)
            throws ExperimentException {
        this(sockets, new HelperLauncher(processes), model, attempts, parallelism);
    }

    /** With the launcher of whoever owns the run, which can end its helpers by PID (Ctrl-C). */
    public BindMatrix(NativeSockets sockets, HelperLauncher helpers, BindSemantics model, int attempts, int parallelism)
            throws ExperimentException {
        this.sockets = sockets;
        this.processes = helpers.processes();
        this.helpers = helpers;
        this.model = model;
        this.attempts = Limits.attempts(attempts);
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new ExperimentException("parallelism " + parallelism + " is outside 1.." + MAX_PARALLELISM);
        }
        this.parallelism = parallelism;
    }

    /**
     * The question space of {@code os} as the bind matrix runs it here: Linux's 17,760 cells (the 6,912 of
     * {@link QuestionSpace#linux()} and the 10,848 of its extension: mapped addresses, time-wait, connected UDP; root
     * and nobody), or
     * Windows' cells as the user running it. Other regimes have no live matrix.
     */
    public static List<BindQuestion> questionSpace(OsFamily os) throws ExperimentException {
        return switch (os) {
            case LINUX -> QuestionSpace.linuxAll();
            case WINDOWS -> QuestionSpace.windowsLive(System.getProperty("user.name"));
            default -> throw new ExperimentException("the bind matrix runs on Linux and Windows; this machine's regime is "
                    + os.wireName());
        };
    }

    /**
     * Runs every cell, handing each to {@code progress} (when not null) as it ends. A cancel or the token's deadline
     * does not throw: the result keeps the cells measured so far and says why it stopped.
     */
    public MatrixResult run(List<BindQuestion> questions, CancelToken cancel, Consumer<MatrixCell> progress)
            throws ExperimentException {
        for (BindQuestion q : questions) {
            AddressPolicy.requireLab(q.first().address());
            AddressPolicy.requireLab(q.second().address());
        }
        Instant started = Instant.now();
        int self = processes.effectiveUid();
        List<Worker> workers = new ArrayList<>();
        ThreadLocal<Worker> worker = ThreadLocal.withInitial(() -> {
            Worker w = new Worker(new LocalSide(sockets, self), self);
            synchronized (workers) {
                workers.add(w);
            }
            return w;
        });
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "bind-matrix");
            t.setDaemon(true);
            return t;
        });
        List<MatrixCell> cells = new ArrayList<>();
        AtomicReference<String> stopped = new AtomicReference<>();
        try {
            List<Future<MatrixCell>> futures = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                BindQuestion q = questions.get(i);
                String id = "c" + i;
                futures.add(pool.submit(() -> {
                    MatrixCell cell;
                    try {
                        cell = cell(worker.get(), q, id, cancel);
                    } catch (CancelToken.CancelledException e) {
                        // Not reached, or cut off mid-run: skipped with the reason, never counted as a disagreement.
                        stopped.compareAndSet(null, e.getMessage());
                        cell = new MatrixCell(q, null, null, null, e.getMessage());
                    }
                    if (progress != null) {
                        progress.accept(cell);
                    }
                    return cell;
                }));
            }
            for (Future<MatrixCell> f : futures) {
                cells.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelToken.CancelledException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof ExperimentException ee ? ee : new ExperimentException("matrix cell failed: " + cause);
        } finally {
            // Helpers are ended here, while the worker threads that started them are still alive (PDEATHSIG
            // follows the starting thread, not the process).
            synchronized (workers) {
                workers.forEach(Worker::close);
            }
            pool.shutdownNow();
        }
        int ran = (int) cells.stream().filter(c -> c.observed() != null).count();
        int agree = (int) cells.stream().filter(c -> Boolean.TRUE.equals(c.agrees())).count();
        int disagree = (int) cells.stream().filter(c -> Boolean.FALSE.equals(c.agrees())).count();
        Instant ended = Instant.now();
        return new MatrixResult("matrix", HostFacts.kernel(), HostFacts.hostName(), ToolInfo.current().version(), cells,
                ran, agree, disagree, cells.size() - ran, started, stopped.get() == null ? ended : null,
                ended.toEpochMilli() - started.toEpochMilli(), stopped.get());
    }

    private MatrixCell cell(Worker w, BindQuestion q, String id, CancelToken cancel) throws ExperimentException {
        cancel.check();
        boolean tcp = q.protocol() == Protocol.TCP;
        SocketSpec first = Prediction.spec(q.first(), tcp && q.first().state() == BindState.LISTEN);
        // (a time-wait victim listens too, to accept the connection it leaves; Encounter does that step)
        SocketSpec second = Prediction.spec(q.second(), tcp);
        BindAnswer predicted = Prediction.ask(model, q);
        String skip = w.unavailable(cancel, first.uid(), second.uid());
        if (skip != null) {
            return new MatrixCell(q, predicted, null, null, skip);
        }
        EncounterResult r;
        try {
            r = encounter(w, q, first, second, id, cancel);
        } catch (TimeWaitLostException | InterferenceException e) {
            return new MatrixCell(q, predicted, null, null, e.getMessage());
        }
        if (q.os() == OsFamily.LINUX && predicted.outcome() == Outcome.SHARES && r.secondBindError() == null
                && r.stopped() == null && r.observed() != Outcome.SHARES) {
            // Linux's SO_REUSEPORT hash sends all N connections to one side with probability 2^(1-N) (about 1 in
            // 30,000 cells at 16): measure such a cell once more before calling it a disagreement. A real one repeats.
            r = encounter(w, q, first, second, id + "-again", cancel);
        }
        if (r.stopped() != null) {
            throw new CancelToken.CancelledException(r.stopped());
        }
        Boolean agrees = Prediction.agrees(q.os(), predicted, r.observed(), r.secondBindError(), r.firstCouldStillListen());
        if (Boolean.TRUE.equals(agrees)) {
            // An agreeing cell keeps the answer and the counts; its explanation and timeline add nothing to read.
            predicted = new BindAnswer(predicted.outcome(), predicted.error(), predicted.firstCanStillListen(), null,
                    List.of());
            r = new EncounterResult(r.port(), r.target(), r.secondBindError(), r.firstCouldStillListen(), r.attempts(),
                    r.toVictim(), r.toAttacker(), r.lost(), r.observed(), List.of(), r.stopped());
        }
        return new MatrixCell(q, predicted, r, agrees, null);
    }

    /**
     * How often a cell is run again on a new port when the kernel dropped its TIME_WAIT connection or a socket not
     * the cell's refused its bind; then it is skipped with the reason, never counted.
     */
    private static final int TIME_WAIT_RETRIES = 3;

    private EncounterResult encounter(Worker w, BindQuestion q, SocketSpec first, SocketSpec second, String id,
                                      CancelToken cancel) throws ExperimentException {
        for (int retry = 0; ; retry++) {
            try {
                return encounterOnce(w, q, first, second, retry == 0 ? id : id + "-tw" + retry, cancel);
            } catch (TimeWaitLostException | InterferenceException e) {
                // A lost TIME_WAIT, or a refusal by a socket not the cell's (defect 6): measure again on a new port.
                if (retry == TIME_WAIT_RETRIES) {
                    throw e;
                }
            }
        }
    }

    private EncounterResult encounterOnce(Worker w, BindQuestion q, SocketSpec first, SocketSpec second, String id,
                                          CancelToken cancel) throws ExperimentException {
        return new Encounter(q.protocol(), first, second, BindSemantics.forOs(q.os()).target(q), q.first().state())
                .checkingRefusalsWith(sockets).run(w.side(first.uid()), w.side(second.uid()), w.local, id, 0, attempts, cancel);
    }

    /** A worker thread's sides: this process for its own uid, one helper per other uid. */
    private final class Worker {
        final LocalSide local;
        final int self;
        final Map<Integer, SocketSide> others = new ConcurrentHashMap<>();
        final Map<Integer, String> failures = new ConcurrentHashMap<>();

        Worker(LocalSide local, int self) {
            this.local = local;
            this.self = self;
        }

        String unavailable(CancelToken cancel, int... uids) {
            for (int uid : uids) {
                if (uid == self || uid == Users.SELF) {
                    continue;
                }
                if (!processes.canActAsOtherUsers()) {
                    return "needs root to act as uid " + uid;
                }
                if (!others.containsKey(uid) && !failures.containsKey(uid)) {
                    try {
                        others.put(uid, helpers.start(uid, null, cancel));
                    } catch (ExperimentException e) {
                        failures.put(uid, e.getMessage());
                    }
                }
                if (failures.containsKey(uid)) {
                    return failures.get(uid);
                }
            }
            return null;
        }

        /** Users.SELF is the running user by name (Windows: its SID's RID is not known by name). */
        SocketSide side(int uid) {
            return uid == self || uid == Users.SELF ? local : others.get(uid);
        }

        void close() {
            others.values().forEach(SocketSide::close);
            local.close();
        }
    }
}
