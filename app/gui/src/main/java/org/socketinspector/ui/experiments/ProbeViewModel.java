package org.socketinspector.ui.experiments;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.socketinspector.experiment.ProbeCheck;
import org.socketinspector.experiment.ExperimentException;
import org.socketinspector.experiment.Limits;
import org.socketinspector.experiment.ProbeRecord;
import org.socketinspector.experiment.ProbeRequest;
import org.socketinspector.experiment.ProbedListener;
import org.socketinspector.experiment.Users;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.model.SocketOption;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.ui.experiments.ExperimentsViewModel.State;

/**
 * The probe part of the Experiments view: a live port (from the socket table, or typed in), the probe's options,
 * address and user, the exact words of the confirmation, and the run on a background thread. A probe binds the
 * port once with a socket that never listens nor sends and is closed at once; the run is stored in the history.
 */
public final class ProbeViewModel {

    /** Which address the probe binds. */
    public enum Target { LISTENER, OTHER_FAMILY_LOOPBACK }

    private static final String BY_HAND = "Typed in by hand: the listener's options and owner are unknown, so the model"
            + " makes no prediction.";

    private final ProbeRunner runner;
    private final OsFamily os;
    private final int selfUid;
    private final RunControl run;
    private final Users users;
    private final ProbeCheck check;
    private final ObjectProperty<Protocol> protocol = new SimpleObjectProperty<>(this, "protocol", Protocol.TCP);
    private final StringProperty address = new SimpleStringProperty(this, "address", "127.0.0.1");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(this, "target", Target.LISTENER);
    private final ObservableSet<SocketOption> options = FXCollections.observableSet(EnumSet.noneOf(SocketOption.class));
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final BooleanProperty udpOptIn = new SimpleBooleanProperty(this, "udpOptIn");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SocketRecord> socket = new ReadOnlyObjectWrapper<>(this, "socket");
    private final ReadOnlyObjectWrapper<ProbeRecord> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", BY_HAND);

    /**
     * @param selfUid the uid running the GUI: only root (on Linux) may probe as another user
     */
    public ProbeViewModel(ProbeRunner runner, Supplier<HistoryStore> history, OsFamily os, int selfUid) {
        this(runner, history, os, selfUid, Users.read());
    }

    /** @param users the user table, read once for this view model (validation runs on every keystroke) */
    public ProbeViewModel(ProbeRunner runner, Supplier<HistoryStore> history, OsFamily os, int selfUid, Users users) {
        this.runner = runner;
        this.users = users;
        this.check = new ProbeCheck(os, selfUid);
        this.os = os;
        this.selfUid = selfUid;
        this.run = new RunControl(history);
        for (Observable input : new Observable[] {protocol, address, port, target, options, user, udpOptIn}) {
            input.addListener(o -> validate());
        }
        // A socket from the table gives the listener's options and owner only while its protocol, address and port stay.
        for (Observable input : new Observable[] {protocol, address, port}) {
            input.addListener(o -> {
                SocketRecord s = socket.get();
                if (s != null && !(s.protocol() == protocol.get() && s.localAddress().equals(text(address))
                        && Integer.toString(s.localPort()).equals(text(port)))) {
                    socket.set(null);
                    source.set(BY_HAND);
                }
            });
        }
        validate();
    }

    /** A text field's value: trimmed, "" for null (a cleared field or an emptied combo box). */
    private static String text(StringProperty p) {
        return p.get() == null ? "" : p.get().trim();
    }

    /** The address the listener has, as typed. */
    public String listenerAddress() {
        return text(address);
    }

    /** The options a probe may set on this OS, in the order the view offers them. */
    public List<SocketOption> availableOptions() {
        return os.reuseOptions();
    }

    /** Whether the probe may run as another user: root on Linux (a helper process is started as that uid). */
    public boolean canChooseUser() {
        return selfUid == 0 && os != OsFamily.WINDOWS;
    }

    /** Users worth offering: this user, the listener's owner when it is another one, and nobody (as root). */
    public List<String> suggestedUsers() {
        List<String> users = new ArrayList<>();
        users.add(this.users.nameOf(selfUid));
        if (canChooseUser()) {
            String owner = ProbedListener.owner(socket.get());
            if (owner != null && !users.contains(owner)) {
                users.add(owner);
            }
            if (!users.contains("nobody")) {
                users.add("nobody");
            }
        }
        return users;
    }

    /** Sets up a probe of a socket from the live table: its protocol, address, port, options and owner. */
    public void prefill(SocketRecord s) {
        prefill(s, null);
    }

    /**
     * As {@link #prefill(SocketRecord)}, with the rule ids the audit raised for that socket (null when unknown): the
     * probe then confirms or refutes only one of them.
     */
    public void prefill(SocketRecord s, Set<String> findingsOfSocket) {
        socketFindings = findingsOfSocket;
        socket.set(null);
        protocol.set(s.protocol());
        address.set(s.localAddress());
        port.set(Integer.toString(s.localPort()));
        target.set(Target.LISTENER);
        options.clear();
        user.set(users.nameOf(selfUid));
        udpOptIn.set(false);
        result.set(null);
        socket.set(s);
        String owner = ProbedListener.owner(s);
        Set<SocketOption> known = ProbedListener.knownOptions(s, os);
        source.set("From the live table: " + s.protocol().wireName() + " " + s.localEndpoint()
                + (s.process() != null && s.process().name() != null ? " of " + s.process().name() : "")
                + (owner == null ? "" : " (" + owner + ")") + ", options "
                + (known == null ? "not all known: no model prediction" : describe(known)) + ".");
        validate();
    }


    /** The address the probe binds: the listener's own, or the other family's loopback (a family-shadow test). */
    public String probeAddress() {
        String listener = text(address);
        if (target.get() == Target.LISTENER) {
            return listener;
        }
        return otherLoopback(listener);
    }

    /** ::1 for an IPv4 listener, 127.0.0.1 for an IPv6 one. */
    public static String otherLoopback(String listener) {
        return listener.contains(":") ? "127.0.0.1" : "::1";
    }

    /** The problems of the request as typed (port -1 when it is not a number, this user when the user is unknown). */
    private void validate() {
        List<String> found = new ArrayList<>();
        int uid = Users.SELF;
        try {
            uid = uid();
        } catch (ExperimentException e) {
            found.add("User: " + e.getMessage() + ".");
        }
        ProbeRequest draft = draft(uid);
        found.addAll(0, check.problems(draft));
        problems.setAll(found);
    }

    private ProbeRequest draft(int uid) {
        String p = text(port);
        SocketRecord s = socket.get();
        return new ProbeRequest(protocol.get(), text(address), p.matches("\\d{1,5}") ? Integer.parseInt(p) : -1,
                probeAddress(), options, uid, protocol.get() == Protocol.UDP && udpOptIn.get(),
                s == null ? null : ProbedListener.knownOptions(s, os), ProbedListener.owner(s),
                s != null && s.isBoundOnly(), s == null ? null : socketFindings);
    }

    /** -1 for this user; looked up in the user table this view model read once. */
    private int uid() throws ExperimentException {
        String u = text(user);
        if (u.isEmpty()) {
            return Users.SELF;
        }
        int uid = users.uidOf(u);
        return uid == selfUid ? Users.SELF : uid;
    }

    /** The rule ids of the prefilled socket's findings, null when not known. */
    private Set<String> socketFindings;

    /** The probe the Run button would start, or null while {@link #problems()} is not empty. */
    public ProbeRequest request() {
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return draft(uid()); // the socket from the table may have been let go since the last validation
        } catch (ExperimentException e) {
            return null;
        }
    }

    /** Exactly what the probe will do, for the confirmation dialog; null while the probe cannot run. */
    public String confirmation() {
        ProbeRequest r = request();
        if (r == null) {
            return null;
        }
        int uid = r.uid() < 0 ? selfUid : r.uid();
        String endpoint = org.socketinspector.model.Endpoints.format(r.probeAddress(), r.port());
        String service = org.socketinspector.model.Endpoints.format(r.listenerAddress(), r.port());
        SocketRecord s = socket.get();
        String owner = s != null && s.process() != null && s.process().name() != null
                ? s.process().name() + (s.pid() == null ? "" : " (pid " + s.pid() + ")") : "the service";
        StringBuilder text = new StringBuilder("Socket Inspector will:\n");
        text.append("  • create one ").append(r.protocol().name()).append(" socket as ").append(users.nameOf(uid))
                .append(" (uid ").append(uid).append(")").append(r.uid() < 0 ? ", the user running Socket Inspector"
                        : ", in a helper process started as that user and ended by PID afterwards").append(";\n");
        text.append("  • set ").append(r.options().isEmpty() ? "no options" : describe(r.options())).append(" on it;\n");
        text.append("  • bind it to ").append(endpoint).append(r.probeAddress().equals(r.listenerAddress())
                ? ", the address and port of " + owner
                : ", the other family's loopback, next to " + owner + " on " + service).append(", and close it at once.\n");
        text.append("The probe socket never listens and sends nothing");
        if (r.protocol() == Protocol.TCP) {
            text.append("; the service keeps accepting connections.");
        } else {
            text.append(". While it is bound (a few milliseconds), datagrams sent to this port could reach the probe"
                    + " instead of the service and be lost.");
        }
        text.append(" The result is stored in the history.");
        return text.toString();
    }

    /** SO_REUSEADDR, SO_REUSEPORT, IPV6_V6ONLY... */
    static String describe(Set<SocketOption> options) {
        return SocketOption.constantNames(options, ", ");
    }

    /** Starts the probe on {@code background}; its record comes back on {@code fxThread}. False when it cannot run. */
    public boolean start(Executor background, Executor fxThread) {
        ProbeRequest request = request();
        if (request == null || run.stateProperty().get() == State.RUNNING) {
            return false;
        }
        result.set(null);
        return run.start("Probing " + org.socketinspector.model.Endpoints.format(request.probeAddress(), request.port())
                        + "…", Limits.DEFAULT_DURATION, background, fxThread, cancel -> runner.run(request, cancel),
                (record, stored) -> {
                    result.set(record);
                    run.message(record.outcomeLine() + " · " + stored);
                });
    }

    public void cancel() {
        run.cancel();
    }

    /** "Bound" or "Refused (EADDRINUSE)": the first words of the result. */
    public static String verdict(ProbeRecord r) {
        return r.result().bound() ? "Bound: the probe socket got " + org.socketinspector.model.Endpoints.format(
                r.request().probeAddress(), r.request().port()) + " (closed at once)"
                : "Refused: " + r.result().error();
    }

    /** The model's prediction and whether the kernel agreed, in one sentence. */
    public static String prediction(ProbeRecord r) {
        if (r.prediction() == null) {
            return "No model prediction: the listener's options or owner are unknown.";
        }
        String predicted = r.prediction().outcome().wireName().toLowerCase(Locale.ROOT)
                + (r.prediction().error() == null ? "" : " (" + r.prediction().error() + ")");
        return "Predicted: " + predicted + (Boolean.TRUE.equals(r.agrees()) ? " — agrees with the kernel."
                : " — DISAGREES with the kernel.") + " " + r.prediction().explanation();
    }

    /** The finding the probe speaks to, and whether it confirms or refutes it. */
    public static String finding(ProbeRecord r) {
        if (r.finding() == null) {
            return "Tests no finding of this socket (this bind is not what its findings are about).";
        }
        return (r.confirms() ? "Confirms " : "Refutes ") + r.finding() + " for " + Users.name(r.probeUid())
                + " with " + (r.request().options().isEmpty() ? "no options" : describe(r.request().options())) + ".";
    }

    public ObjectProperty<Protocol> protocolProperty() {
        return protocol;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty portProperty() {
        return port;
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    public ObservableSet<SocketOption> options() {
        return options;
    }

    /** The user to probe as (a name or a uid); empty: this user. */
    public StringProperty userProperty() {
        return user;
    }

    public BooleanProperty udpOptInProperty() {
        return udpOptIn;
    }

    /** What keeps the probe from running, one sentence each. */
    public ObservableList<String> problems() {
        return problems;
    }

    /** The socket from the live table the probe was set up from; null once edited by hand. */
    public ReadOnlyObjectProperty<SocketRecord> socketProperty() {
        return socket.getReadOnlyProperty();
    }

    /** Where the setup came from, in one sentence. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProbeRecord> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return run.stateProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return run.messageProperty();
    }

    public OsFamily os() {
        return os;
    }
}
