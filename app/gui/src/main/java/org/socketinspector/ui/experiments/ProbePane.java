package org.socketinspector.ui.experiments;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.socketinspector.experiment.ProbeRecord;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.ui.common.ShownText;
import org.socketinspector.ui.experiments.ExperimentsViewModel.State;
import org.socketinspector.ui.experiments.ProbeViewModel.Target;

/** Set up a probe of a live port (from the socket table or by hand), confirm, and read what it found. */
final class ProbePane extends ScrollPane {

    private final ProbeViewModel model;
    private final ExperimentDialogs runs;
    private final Label verdict = new Label();
    private final Label attacker = PaneParts.wrapping("probe-attacker");
    private final Label prediction = PaneParts.wrapping("probe-prediction");
    private final Label finding = PaneParts.wrapping("probe-finding");
    private final VBox resultBox;

    ProbePane(ProbeViewModel model, ExperimentDialogs runs) {
        this.runs = runs;
        this.model = model;
        setId("probe-pane");
        setFitToWidth(true);

        Label title = new Label("Probe a live port");
        title.getStyleClass().add(Styles.TITLE_4);
        Label about = PaneParts.wrapping(null);
        about.setText("A second socket binds the port with the options you choose and is closed at once: it never"
                + " listens and sends nothing. It tells whether another process could take the port this way."
                + " Right-click a socket in the Live tab and choose “Probe this port…”, or type one in.");
        about.getStyleClass().add(Styles.TEXT_MUTED);
        Label source = PaneParts.wrapping("probe-source");
        ShownText.bind(source, model.sourceProperty()); // names the listener's process

        ComboBox<Protocol> protocol = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Protocol.values()));
        protocol.setId("probe-protocol");
        protocol.valueProperty().bindBidirectional(model.protocolProperty());
        TextField address = new TextField();
        address.setId("probe-address");
        address.setPrefColumnCount(18);
        address.textProperty().bindBidirectional(model.addressProperty());
        TextField port = new TextField();
        port.setId("probe-port");
        port.setPrefColumnCount(6);
        port.setPromptText("e.g. 8080");
        port.textProperty().bindBidirectional(model.portProperty());
        HBox where = new HBox(8, protocol, address, new Label("port"), port);
        where.setAlignment(Pos.CENTER_LEFT);

        ToggleGroup targets = new ToggleGroup();
        RadioButton own = new RadioButton();
        own.setId("probe-target-listener");
        own.setToggleGroup(targets);
        own.textProperty().bind(Bindings.createStringBinding(() -> "the listener's own address ("
                + model.listenerAddress() + ")", model.addressProperty()));
        RadioButton other = new RadioButton();
        other.setId("probe-target-other");
        other.setToggleGroup(targets);
        other.textProperty().bind(Bindings.createStringBinding(() -> "the other family's loopback ("
                + ProbeViewModel.otherLoopback(model.listenerAddress()) + "): tests a localhost family shadow",
                model.addressProperty()));
        Runnable showTarget = () -> (model.targetProperty().get() == Target.LISTENER ? own : other).setSelected(true);
        model.targetProperty().addListener(o -> showTarget.run());
        showTarget.run();
        targets.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.targetProperty().set(now == own ? Target.LISTENER : Target.OTHER_FAMILY_LOOPBACK);
            }
        });

        HBox options = new HBox(14);
        options.setAlignment(Pos.CENTER_LEFT);
        for (SocketOption o : model.availableOptions()) {
            CheckBox box = new CheckBox("SO_" + o.name());
            box.setMnemonicParsing(false); // else the underscore of SO_ is taken for a mnemonic and vanishes
            box.setId("probe-option-" + o.wireName());
            box.setSelected(model.options().contains(o));
            box.selectedProperty().addListener((obs, was, now) -> {
                if (now) {
                    model.options().add(o);
                } else {
                    model.options().remove(o);
                }
            });
            model.options().addListener((javafx.collections.SetChangeListener<SocketOption>) c -> box.setSelected(model.options().contains(o)));
            options.getChildren().add(box);
        }
        Label none = new Label("(none ticked: a plain bind)");
        none.getStyleClass().add(Styles.TEXT_MUTED);
        options.getChildren().add(none);

        ComboBox<String> user = new ComboBox<>();
        user.setId("probe-user");
        user.setEditable(true);
        user.getItems().setAll(model.suggestedUsers());
        user.valueProperty().bindBidirectional(model.userProperty());
        user.setPromptText("this user");
        model.socketProperty().addListener(o -> {
            String chosen = model.userProperty().get();
            user.getItems().setAll(model.suggestedUsers());
            model.userProperty().set(chosen); // new items clear a combo box's value
        });
        user.setDisable(!model.canChooseUser());
        Label userHint = new Label(model.canChooseUser() ? "another user's probe runs in a helper process as that uid"
                : "only root on Linux can probe as another user");
        userHint.getStyleClass().add(Styles.TEXT_MUTED);
        HBox userRow = new HBox(8, user, userHint);
        userRow.setAlignment(Pos.CENTER_LEFT);

        CheckBox udp = new CheckBox("Yes, probe this UDP port: while the probe socket is bound (a few milliseconds),"
                + " datagrams meant for the service can reach it instead and are lost.");
        udp.setId("probe-udp-optin");
        udp.setWrapText(true);
        udp.selectedProperty().bindBidirectional(model.udpOptInProperty());
        udp.visibleProperty().bind(model.protocolProperty().isEqualTo(Protocol.UDP));
        udp.managedProperty().bind(udp.visibleProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Listener"), where);
        form.addRow(1, new Label("Probe binds"), new VBox(4, own, other));
        form.addRow(2, new Label("Probe options"), options);
        form.addRow(3, new Label("Probe as"), userRow);
        form.add(udp, 1, 4);

        Label problems = PaneParts.wrapping("probe-problems");
        problems.getStyleClass().add(Styles.DANGER);
        Runnable showProblems = () -> {
            problems.setText(ShownText.keepingLines(String.join("\n", model.problems())));
            problems.setVisible(!model.problems().isEmpty());
        };
        model.problems().addListener((ListChangeListener<String>) c -> showProblems.run());
        problems.managedProperty().bind(problems.visibleProperty());
        showProblems.run();

        Button run = new Button("Probe…");
        run.setId("probe-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.disableProperty().bind(model.stateProperty().isEqualTo(State.RUNNING).or(Bindings.isNotEmpty(model.problems())));
        run.setOnAction(e -> confirmAndRun());
        // A probe takes milliseconds, or a second when a helper must start for another user: Cancel for that second.
        Button cancel = new Button("Cancel");
        cancel.setId("probe-cancel");
        cancel.disableProperty().bind(model.stateProperty().isNotEqualTo(State.RUNNING));
        cancel.setOnAction(e -> model.cancel());
        ProgressIndicator running = new ProgressIndicator();
        running.setPrefSize(20, 20);
        running.visibleProperty().bind(model.stateProperty().isEqualTo(State.RUNNING));
        HBox buttons = new HBox(10, run, cancel, running);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label message = PaneParts.message("probe-message", model.messageProperty(), model.stateProperty());

        verdict.setId("probe-verdict");
        verdict.getStyleClass().add("verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        resultBox = new VBox(8, verdict, labelled("Attacker", attacker), labelled("Model", prediction),
                labelled("Finding", finding));
        resultBox.setId("probe-result");
        resultBox.getStyleClass().add("experiment-result");
        model.resultProperty().addListener((o, was, now) -> showResult(now));
        showResult(null);

        VBox content = new VBox(12, title, about, source, form, problems, buttons, message, resultBox);
        content.setPadding(new Insets(10));
        setContent(content);
    }

    private static Node labelled(String name, Label value) {
        Label key = new Label(name);
        key.getStyleClass().add(Styles.TEXT_BOLD);
        key.setMinWidth(80);
        HBox row = new HBox(10, key, value);
        return row;
    }

    private void confirmAndRun() {
        String text = model.confirmation();
        if (text != null) {
            runs.confirmAndStart("Bind this live port?", text, "probe-confirmation", model::start);
        }
    }

    private void showResult(ProbeRecord r) {
        resultBox.setVisible(r != null);
        resultBox.setManaged(r != null);
        if (r == null) {
            return;
        }
        verdict.setText(ShownText.of(ProbeViewModel.verdict(r))); // quotes the listener's process and errors
        verdict.getStyleClass().removeIf(s -> s.startsWith("verdict-"));
        // Bound means another process could take the port this way: the risky outcome, coloured like a steal.
        verdict.getStyleClass().add(r.result().bound() ? "verdict-steals" : "verdict-refused");
        attacker.setText(ShownText.of(r.attacker().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                + r.attacker().substring(1) + "."));
        prediction.setText(ShownText.of(ProbeViewModel.prediction(r)));
        finding.setText(ShownText.of(ProbeViewModel.finding(r)));
    }
}
