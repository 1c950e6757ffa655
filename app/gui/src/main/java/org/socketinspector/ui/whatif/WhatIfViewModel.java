package org.socketinspector.ui.whatif;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.socketinspector.experiment.ExperimentException;
import org.socketinspector.experiment.Limits;
import org.socketinspector.experiment.Prediction;
import org.socketinspector.experiment.ReplayRequest;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.semantics.BindAnswer;
import org.socketinspector.semantics.BindEndpoint;
import org.socketinspector.semantics.BindOption;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.BindState;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.ui.sockets.SocketText;

/**
 * The what-if dialog's state: a bind question being edited, its validation problems and the model's answer,
 * recomputed on every edit. Testable without a window.
 */
public final class WhatIfViewModel {

    private final Function<OsFamily, Optional<BindSemantics>> models;
    private final OsFamily host;
    private final ObjectProperty<OsFamily> os = new SimpleObjectProperty<>(this, "os");
    private final ObjectProperty<Protocol> protocol = new SimpleObjectProperty<>(this, "protocol", Protocol.TCP);
    private final Side first = new Side("0.0.0.0", System.getProperty("user.name", "root"));
    private final Side second = new Side("127.0.0.1", "nobody");
    private final ObjectProperty<BindState> firstState = new SimpleObjectProperty<>(this, "firstState", BindState.LISTEN);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<BindAnswer> answer = new ReadOnlyObjectWrapper<>(this, "answer");
    private final javafx.beans.property.ReadOnlyStringWrapper experimentProblem =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "experimentProblem");
    private java.util.function.Consumer<ReplayRequest> runExperiment;

    /** @param host this machine's regime: the question's first OS, and the only one whose cases run for real here */
    public WhatIfViewModel(Function<OsFamily, Optional<BindSemantics>> models, OsFamily host) {
        this.models = models;
        this.host = host;
        os.set(host);
        Observable[] inputs = {os, protocol, firstState, first.address, first.user, first.options,
                second.address, second.user, second.options};
        for (Observable input : inputs) {
            input.addListener(o -> update());
        }
        update();
    }

    /**
     * Fills in a live or imported socket as the first one, asked about the OS it was listed on ({@code listedOn}: a
     * Windows capture opened on Linux is a Windows question); the second starts on the same address as another user.
     */
    public void prefill(SocketRecord socket, OsFamily listedOn) {
        os.set(listedOn);
        protocol.set(socket.protocol());
        firstState.set(socket.protocol() == Protocol.TCP && SocketRecord.LISTEN.equals(socket.state())
                ? BindState.LISTEN : BindState.BOUND);
        first.address.set(socket.localAddress());
        String user = SocketText.user(socket);
        first.user.set(user.isEmpty() ? "owner" : user);
        first.options.clear();
        first.options.addAll(optionsOf(socket.options(), socket.family() == org.socketinspector.model.Family.IPV6));
        second.address.set(socket.localAddress());
        second.options.clear();
        second.user.set("nobody");
    }

    /** The options a scanned socket had; unknown options are left out (the user can tick them). */
    static Set<BindOption> optionsOf(SocketOptions o, boolean ipv6) {
        return BindOption.of(o, ipv6 ? org.socketinspector.model.Family.IPV6 : org.socketinspector.model.Family.IPV4);
    }

    private void update() {
        List<String> found = validate();
        problems.setAll(found);
        if (!found.isEmpty()) {
            answer.set(null);
            return;
        }
        Optional<BindSemantics> model = models.apply(os.get());
        if (model.isEmpty()) {
            problems.add("No bind-semantics model for " + os.get().wireName() + " in this build.");
            answer.set(null);
            return;
        }
        answer.set(model.get().answer(question()));
    }

    private List<String> validate() {
        List<String> list = new ArrayList<>();
        first.validate("First socket", os.get(), list);
        second.validate("Second socket", os.get(), list);
        if (protocol.get() == Protocol.UDP && firstState.get() == BindState.LISTEN) {
            list.add("First socket: a UDP socket does not listen; choose “bound”.");
        } else if (!firstState.get().validFor(protocol.get() == Protocol.TCP)) {
            list.add("First socket: “" + firstState.get().wireName() + "” applies to "
                    + (protocol.get() == Protocol.TCP ? "UDP" : "TCP") + " sockets.");
        }
        if (list.isEmpty()) {
            try {
                question();
            } catch (IllegalArgumentException e) {
                list.add("First socket: " + e.getMessage().replaceFirst("^first: ", "") + ".");
            }
        }
        return list;
    }

    /** Where "run it for real" hands the case (the Experiments view, which confirms and runs it). */
    public void onRunExperiment(java.util.function.Consumer<ReplayRequest> handler) {
        this.runExperiment = handler;
    }

    /** Whether the case can be replayed here: only on the OS the application runs on. */
    public boolean canRunExperiment() {
        return runExperiment != null && os.get() == host;
    }

    /**
     * The question as a lab replay on loopback: the same sockets, users by their account names (they must exist on
     * this machine), a free port. Empty, with the reason in {@link #experimentProblemProperty()}, when it cannot be.
     */
    public Optional<ReplayRequest> experiment() {
        experimentProblem.set(null);
        if (!problems.isEmpty()) {
            experimentProblem.set("Fix the question first.");
            return Optional.empty();
        }
        if (firstState.get() == BindState.TIME_WAIT || firstState.get() == BindState.CONNECTED) {
            experimentProblem.set("A lab replay starts from a bound or listening service; the bind matrix"
                    + " (experiment matrix) measures " + firstState.get().wireName() + " cases.");
            return Optional.empty();
        }
        try {
            BindQuestion q = question();
            return Optional.of(new ReplayRequest("what-if", q.os(), q.protocol(),
                    Prediction.spec(q.first(), q.protocol() == Protocol.TCP && q.first().state() == BindState.LISTEN),
                    Prediction.spec(q.second(), q.protocol() == Protocol.TCP), null, Limits.DEFAULT_ATTEMPTS, 0, false));
        } catch (ExperimentException e) {
            experimentProblem.set("Cannot replay this case here: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Hands the case to the Experiments view; false (with the reason) when it cannot run here. */
    public boolean runExperiment() {
        Optional<ReplayRequest> request = canRunExperiment() ? experiment() : Optional.empty();
        request.ifPresent(runExperiment);
        return request.isPresent();
    }

    public javafx.beans.property.ReadOnlyStringProperty experimentProblemProperty() {
        return experimentProblem.getReadOnlyProperty();
    }

    /** The question as it stands; only meaningful when {@link #problems()} is empty. */
    public BindQuestion question() {
        return new BindQuestion(os.get(), protocol.get(),
                new BindEndpoint(first.address.get().trim(), first.options, first.user.get().trim(), firstState.get()),
                new BindEndpoint(second.address.get().trim(), second.options, second.user.get().trim(), BindState.BOUND));
    }

    public ObjectProperty<OsFamily> osProperty() {
        return os;
    }

    public ObjectProperty<Protocol> protocolProperty() {
        return protocol;
    }

    public ObjectProperty<BindState> firstStateProperty() {
        return firstState;
    }

    public Side first() {
        return first;
    }

    public Side second() {
        return second;
    }

    /** What is wrong with the question, one sentence each; empty when it can be asked. */
    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyObjectProperty<BindAnswer> answerProperty() {
        return answer.getReadOnlyProperty();
    }

    /** One socket of the question: its address, options and user. */
    public static final class Side {
        private final StringProperty address;
        private final StringProperty user;
        private final ObservableSet<BindOption> options = FXCollections.observableSet(EnumSet.noneOf(BindOption.class));

        Side(String address, String user) {
            this.address = new SimpleStringProperty(this, "address", address);
            this.user = new SimpleStringProperty(this, "user", user);
        }

        public StringProperty addressProperty() {
            return address;
        }

        public StringProperty userProperty() {
            return user;
        }

        public ObservableSet<BindOption> options() {
            return options;
        }

        void validate(String name, OsFamily os, List<String> problems) {
            String text = address.get() == null ? "" : address.get().trim();
            byte[] bytes = SocketText.literalBytes(text);
            if (bytes == null) {
                problems.add(name + ": “" + text + "” is not an IPv4 or IPv6 address (e.g. 0.0.0.0, 127.0.0.1, ::, ::1).");
            }
            if (user.get() == null || user.get().isBlank()) {
                problems.add(name + ": name its user (equal names mean the same account).");
            }
            // (Java parses ::ffff:a.b.c.d to 4 bytes: an IPv4-mapped address is still an IPv6 socket's address.)
            if (bytes != null && bytes.length == 4 && text.indexOf(':') < 0
                    && (options.contains(BindOption.V6ONLY) || options.contains(BindOption.DUALSTACK))) {
                problems.add(name + ": v6only and dualstack apply to IPv6 addresses only.");
            }
            if (options.contains(BindOption.V6ONLY) && options.contains(BindOption.DUALSTACK)) {
                problems.add(name + ": choose v6only or dualstack, not both.");
            }
            boolean windows = os == OsFamily.WINDOWS || os == OsFamily.WINDOWS_XP;
            if (windows && options.contains(BindOption.REUSEPORT)) {
                problems.add(name + ": Windows has no SO_REUSEPORT.");
            }
            if (!windows && options.contains(BindOption.EXCLUSIVEADDRUSE)) {
                problems.add(name + ": only Windows has SO_EXCLUSIVEADDRUSE.");
            }
            if (options.contains(BindOption.REUSEADDR) && options.contains(BindOption.EXCLUSIVEADDRUSE)) {
                problems.add(name + ": Windows refuses SO_REUSEADDR together with SO_EXCLUSIVEADDRUSE (WSAEINVAL).");
            }
        }
    }
}
