package org.socketinspector.ui.whatif;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import org.socketinspector.model.Protocol;
import org.socketinspector.semantics.BindAnswer;
import org.socketinspector.semantics.BindOption;
import org.socketinspector.semantics.BindState;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.ui.common.ShownText;

/** "What if another socket binds here?": edits a {@link WhatIfViewModel} and shows the model's answer as it changes. */
public final class WhatIfDialog extends Dialog<Void> {

    private final WhatIfViewModel model;
    private final VBox answerBox = new VBox(6);

    public WhatIfDialog(WhatIfViewModel model) {
        this.model = model;
        setTitle("What if…");
        setHeaderText("If the first socket is bound on a port, what happens when a second one binds the same port?");
        initModality(Modality.NONE);
        setResizable(true);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setId("whatif-dialog");
        getDialogPane().getStylesheets().add(WhatIfDialog.class.getResource("/org/socketinspector/ui/app.css").toExternalForm());

        ComboBox<OsFamily> os = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(OsFamily.values()));
        os.setId("whatif-os");
        os.valueProperty().bindBidirectional(model.osProperty());
        ComboBox<Protocol> protocol = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Protocol.values()));
        protocol.setId("whatif-protocol");
        protocol.valueProperty().bindBidirectional(model.protocolProperty());
        ComboBox<BindState> state = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(BindState.values()));
        state.setId("whatif-first-state");
        state.valueProperty().bindBidirectional(model.firstStateProperty());

        os.setConverter(converter(OsFamily::wireName));
        protocol.setConverter(converter(Protocol::wireName));
        state.setConverter(converter(BindState::wireName));
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(8);
        grid.addRow(0, new Label("Operating system"), os);
        grid.addRow(1, new Label("Protocol"), protocol);
        grid.add(sectionLabel("First socket (already bound)"), 1, 2);
        grid.add(sectionLabel("Second socket (binds now)"), 2, 2);
        side(grid, 1, "first", model.first());
        side(grid, 2, "second", model.second());
        Label alwaysBound = new Label("bound");
        alwaysBound.getStyleClass().add(Styles.TEXT_MUTED);
        grid.addRow(6, new Label("State"), state, alwaysBound);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(40);
        grid.getColumnConstraints().addAll(labels, half, half);

        Label problems = new Label();
        problems.setId("whatif-problems");
        problems.getStyleClass().add(Styles.DANGER);
        problems.setWrapText(true);
        problems.textProperty().bind(Bindings.createStringBinding( // quote addresses and users a capture may have named
                () -> ShownText.keepingLines(String.join("\n", model.problems())), model.problems()));
        problems.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        problems.managedProperty().bind(problems.visibleProperty());

        answerBox.setId("whatif-answer");
        model.answerProperty().addListener((o, was, now) -> renderAnswer(now));
        model.problems().addListener((ListChangeListener<String>) c -> renderAnswer(model.answerProperty().get()));
        renderAnswer(model.answerProperty().get());

        javafx.scene.control.Button replay = new javafx.scene.control.Button("Run it for real on this machine…");
        replay.setId("whatif-run-experiment");
        replay.setTooltip(new javafx.scene.control.Tooltip(
                "Replays this case with two helper processes on loopback (Experiments tab; asks before it runs)"));
        replay.visibleProperty().bind(Bindings.createBooleanBinding(model::canRunExperiment, model.osProperty()));
        replay.managedProperty().bind(replay.visibleProperty());
        replay.disableProperty().bind(Bindings.isNotEmpty(model.problems()));
        replay.setOnAction(e -> {
            if (model.runExperiment()) {
                close();
            }
        });
        Label replayProblem = new Label();
        replayProblem.setId("whatif-experiment-problem");
        replayProblem.setWrapText(true);
        replayProblem.getStyleClass().add(Styles.WARNING);
        ShownText.bind(replayProblem, model.experimentProblemProperty());
        VBox content = new VBox(12, grid, new Separator(), problems, answerBox, replay, replayProblem);
        content.setPadding(new Insets(4, 4, 4, 4));
        content.setPrefWidth(820);
        getDialogPane().setContent(content);
        getDialogPane().setMinWidth(860);
    }

    /** One socket's address, options and user in column {@code column} (rows 3 to 5). */
    private static void side(GridPane grid, int column, String id, WhatIfViewModel.Side side) {
        TextField address = new TextField();
        address.setId("whatif-" + id + "-address");
        address.getStyleClass().add("mono");
        address.textProperty().bindBidirectional(side.addressProperty());
        TextField user = new TextField();
        user.setId("whatif-" + id + "-user");
        user.textProperty().bindBidirectional(side.userProperty());
        FlowPane options = new FlowPane(10, 4);
        for (BindOption option : BindOption.values()) {
            CheckBox box = new CheckBox(option.wireName());
            box.setId("whatif-" + id + "-" + option.wireName());
            box.setSelected(side.options().contains(option));
            box.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    side.options().add(option);
                } else {
                    side.options().remove(option);
                }
            });
            side.options().addListener((javafx.collections.SetChangeListener<BindOption>) c ->
                    box.setSelected(side.options().contains(option)));
            options.getChildren().add(box);
        }
        if (column == 1) {
            grid.add(new Label("Address"), 0, 3);
            grid.add(new Label("Options"), 0, 4);
            grid.add(new Label("User"), 0, 5);
        }
        grid.add(address, column, 3);
        grid.add(options, column, 4);
        grid.add(user, column, 5);
    }

    private static <T> javafx.util.StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    private static Node sectionLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_BOLD);
        label.setPadding(new Insets(8, 0, 0, 0));
        return label;
    }

    private void renderAnswer(BindAnswer answer) {
        answerBox.getChildren().clear();
        if (answer == null) {
            return;
        }
        Label verdict = ShownText.label(verdict(answer));
        verdict.setId("whatif-verdict");
        verdict.getStyleClass().addAll("verdict", "verdict-" + answer.outcome().wireName());
        verdict.setWrapText(true);
        verdict.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        answerBox.getChildren().add(verdict);
        if (answer.firstCanStillListen() != null) {
            answerBox.getChildren().add(new Label("The first socket " + (answer.firstCanStillListen()
                    ? "can still call listen() afterwards." : "can no longer call listen() afterwards.")));
        }
        Label explanation = ShownText.label(answer.explanation()); // names the users and addresses asked about
        explanation.setId("whatif-explanation");
        explanation.setWrapText(true);
        // A wrapped label inside a dialog gets one line unless it may be as tall as its text needs.
        explanation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        answerBox.getChildren().add(explanation);
        if (!answer.sources().isEmpty()) {
            Label head = new Label("Sources");
            head.getStyleClass().add(Styles.TEXT_BOLD);
            answerBox.getChildren().add(head);
            answer.sources().forEach(s -> {
                Label source = new Label("• " + s);
                source.setWrapText(true);
                source.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                source.getStyleClass().add(Styles.TEXT_SMALL);
                answerBox.getChildren().add(source);
            });
        }
        getDialogPane().getScene().getWindow().sizeToScene();
    }

    /** The outcome in one line, e.g. "Steals: the second socket receives all of the traffic". */
    static String verdict(BindAnswer answer) {
        return switch (answer.outcome()) {
            case REFUSED -> "Refused: the second bind fails with " + (answer.error() == null ? "an error" : answer.error());
            case SEPARATE -> "Separate: the second socket binds but gets none of the first one's traffic";
            case SHARES -> "Shares: both sockets receive part of the traffic";
            case STEALS -> "Steals: the second socket receives all of the traffic";
        };
    }

    public WhatIfViewModel model() {
        return model;
    }
}
