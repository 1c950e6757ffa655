package org.socketinspector.ui.experiments;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.socketinspector.experiment.Encounter;
import org.socketinspector.experiment.Limits;
import org.socketinspector.experiment.ReplayRequest;
import org.socketinspector.experiment.ReplayResult;
import org.socketinspector.experiment.TimelineEvent;
import org.socketinspector.experiment.Users;
import org.socketinspector.lesson.ReplayPreset;
import org.socketinspector.lesson.SocketSpec;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.store.HistoryStore;

/**
 * The Experiments view's state: a preset (or a case handed over from the what-if dialog), its optional details,
 * the exact words of the confirmation, and one run at a time on a background thread that the user can cancel.
 * Every finished run is stored in the history.
 */
public final class ExperimentsViewModel {

    /** Where a run is. */
    public enum State { READY, RUNNING, FINISHED, FAILED }

    private final ReplayRunner runner;
    private final OsFamily os;
    private final int selfUid;
    private final List<ReplayPreset> presets;
    private final ObjectProperty<ReplayPreset> preset = new SimpleObjectProperty<>(this, "preset");
    private final ObjectProperty<ReplayRequest> custom = new SimpleObjectProperty<>(this, "custom");
    private final IntegerProperty attempts = new SimpleIntegerProperty(this, "attempts", Limits.DEFAULT_ATTEMPTS);
    private final BooleanProperty namespace = new SimpleBooleanProperty(this, "namespace");
    private final RunControl run;
    private final ReadOnlyObjectWrapper<ReplayResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final javafx.beans.property.ReadOnlyIntegerWrapper toVictim = new javafx.beans.property.ReadOnlyIntegerWrapper(this, "toVictim");
    private final javafx.beans.property.ReadOnlyIntegerWrapper toAttacker = new javafx.beans.property.ReadOnlyIntegerWrapper(this, "toAttacker");
    private final javafx.collections.ObservableList<TimelineEvent> liveTimeline = javafx.collections.FXCollections.observableArrayList();

    public ExperimentsViewModel(ReplayRunner runner, Supplier<HistoryStore> history, OsFamily os, int selfUid) {
        this.runner = runner;
        this.run = new RunControl(history);
        this.os = os;
        this.selfUid = selfUid;
        this.presets = ReplayPreset.ALL.stream().filter(p -> p.os() == os).toList();
        preset.set(presets.isEmpty() ? null : presets.get(0));
        preset.addListener((o, was, now) -> {
            if (now != null) {
                custom.set(null);
            }
        });
    }

    /** This OS's presets: a Windows case only runs where Windows is. */
    public List<ReplayPreset> presets() {
        return presets;
    }

    /** Whether this user may run in a network namespace (root only). */
    public boolean canUseNamespace() {
        return selfUid == 0;
    }

    /** A case handed over (from What if… or the Classroom): one of this OS's presets is selected as such. */
    public void useCase(ReplayRequest request) {
        ReplayPreset named = presets.stream().filter(p -> p.name().equals(request.preset())).findFirst().orElse(null);
        preset.set(named);
        custom.set(named == null ? request : null);
        attempts.set(request.attempts());
    }

    /** The request the Run button would start, or null when nothing is chosen. */
    public ReplayRequest request() {
        int count = Math.max(1, Math.min(Limits.MAX_ATTEMPTS, attempts.get()));
        if (custom.get() != null) {
            ReplayRequest c = custom.get();
            return new ReplayRequest(c.preset(), c.os(), c.protocol(), c.victim(), c.attacker(), c.target(), count,
                    c.port(), namespace.get() && canUseNamespace());
        }
        return preset.get() == null ? null
                : ReplayRequest.of(preset.get(), count, 0, namespace.get() && canUseNamespace(), selfUid);
    }

    /** Exactly what a run will do, for the confirmation dialog. */
    public String confirmation() {
        ReplayRequest r = request();
        String unit = r.protocol() == Protocol.TCP ? "connections" : "datagrams";
        String where = r.namespace() ? "inside a network namespace created for this run (deleted afterwards)"
                + (r.unprivilegedPortStart() == null ? "" : ", with net.ipv4.ip_unprivileged_port_start="
                + r.unprivilegedPortStart() + " set there only (this machine's own setting is not changed)")
                : "on this machine's loopback interface";
        String port = r.port() == 0 ? "a free port the kernel chooses (no running service's port)" : "port " + r.port();
        return "Socket Inspector will start two helper processes " + where + ":\n"
                + "  • the victim, as " + user(r.victim()) + ", binds " + describe(r.victim(), r.protocol()) + ";\n"
                + "  • the attacker, as " + user(r.attacker()) + ", then binds " + describe(r.attacker(), r.protocol()) + ";\n"
                + "both on " + port + ". A client then sends " + r.attempts() + " " + unit + " to "
                + (r.target() == null ? "the address both claim" : r.target())
                + " and counts who receives each one.\n"
                + "Nothing leaves loopback. The helpers are ended by PID when the run ends, is cancelled, or after "
                + Limits.DEFAULT_DURATION.toSeconds() + " s at most.";
    }

    private String user(SocketSpec s) {
        int uid = s.uid() < 0 ? selfUid : s.uid();
        return Users.name(uid) + " (uid " + uid + ")";
    }

    private static String describe(SocketSpec s, Protocol protocol) {
        String options = s.options().isEmpty() ? "no options" : SocketOption.constantNames(s.options(), ", ");
        return s.address() + " with " + options + (protocol == Protocol.TCP && s.listen() ? " and listens" : "");
    }

    /**
     * Starts the run on {@code background}; the outcome is handed to {@code fxThread}. Returns false when a run is
     * already going or nothing is chosen.
     */
    public boolean start(Executor background, Executor fxThread) {
        ReplayRequest request = request();
        if (request == null || run.stateProperty().get() == State.RUNNING) {
            return false;
        }
        result.set(null);
        toVictim.set(0);
        toAttacker.set(0);
        liveTimeline.clear();
        return run.start("Running " + request.preset() + "…", Limits.DEFAULT_DURATION, background, fxThread,
                cancel -> runner.run(request, cancel, event -> fxThread.execute(() -> progress(event))), this::finished);
    }

    /** Stops the running experiment; its helpers are ended by the experiment itself within one bounded step. */
    public void cancel() {
        run.cancel();
    }

    /** One event of the running experiment, on the FX thread: the live counters and timeline follow it. */
    private void progress(TimelineEvent event) {
        liveTimeline.add(event);
        if (event.event().equals("accepted") || event.event().equals("received")) {
            if (event.actor().equals(Encounter.FIRST)) {
                toVictim.set(toVictim.get() + 1);
            } else if (event.actor().equals(Encounter.SECOND)) {
                toAttacker.set(toAttacker.get() + 1);
            }
        }
    }

    private void finished(ReplayResult r, String stored) {
        result.set(r);
        Duration took = r.started() == null || r.ended() == null ? Duration.ZERO : Duration.between(r.started(), r.ended());
        run.message(r.outcomeLine() + " · " + String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0) + " · " + stored);
    }

    /** Connections or datagrams the victim received so far in the running experiment. */
    public javafx.beans.property.ReadOnlyIntegerProperty toVictimProperty() {
        return toVictim.getReadOnlyProperty();
    }

    /** Connections or datagrams the attacker received so far in the running experiment. */
    public javafx.beans.property.ReadOnlyIntegerProperty toAttackerProperty() {
        return toAttacker.getReadOnlyProperty();
    }

    /** The running experiment's events as they happen. */
    public javafx.collections.ObservableList<TimelineEvent> liveTimeline() {
        return liveTimeline;
    }

    public OsFamily os() {
        return os;
    }

    public ObjectProperty<ReplayPreset> presetProperty() {
        return preset;
    }

    public ReadOnlyObjectProperty<ReplayRequest> customProperty() {
        return custom;
    }

    public IntegerProperty attemptsProperty() {
        return attempts;
    }

    public BooleanProperty namespaceProperty() {
        return namespace;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return run.stateProperty();
    }

    public ReadOnlyObjectProperty<ReplayResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return run.messageProperty();
    }
}
