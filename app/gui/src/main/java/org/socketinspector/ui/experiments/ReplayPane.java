package org.socketinspector.ui.experiments;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.time.Duration;
import java.time.Instant;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.socketinspector.experiment.EncounterResult;
import org.socketinspector.experiment.Limits;
import org.socketinspector.experiment.ReplayResult;
import org.socketinspector.experiment.TimelineEvent;
import org.socketinspector.lesson.ReplayPreset;
import org.socketinspector.ui.common.ShownText;
import org.socketinspector.ui.experiments.ExperimentsViewModel.State;

/** Set up a lab replay (presets first, details optional), confirm, watch it run, read who got the traffic. */
final class ReplayPane extends SplitPane {

    private final ExperimentsViewModel model;
    private final ExperimentDialogs runs;
    private final Label verdict = new Label();
    private final Label counters = new Label();
    private final Label prediction = new Label();
    private final VBox notes = new VBox(2);
    private final TableView<TimelineEvent> timeline = new TableView<>();
    private final Label elapsed = new Label();
    private Instant startedAt;
    /** Timeline times are shown relative to this: the run's start. */
    private Instant timeBase;

    ReplayPane(ExperimentsViewModel model, ExperimentDialogs runs) {
        this.runs = runs;
        this.model = model;
        setId("replay-pane");

        ListView<ReplayPreset> presets = new ListView<>(javafx.collections.FXCollections.observableArrayList(model.presets()));
        presets.setId("preset-list");
        presets.setCellFactory(v -> new PresetCell());
        presets.getSelectionModel().select(model.presetProperty().get());
        presets.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.presetProperty().set(now);
            }
        });
        model.presetProperty().addListener((o, was, now) -> {
            if (now == null) {
                presets.getSelectionModel().clearSelection();
            }
        });
        Label presetsTitle = new Label("Presets for " + model.os().wireName());
        presetsTitle.getStyleClass().add(Styles.TITLE_4);
        VBox left = new VBox(8, presetsTitle, presets);
        VBox.setVgrow(presets, Priority.ALWAYS);
        left.setPadding(new Insets(10));

        getItems().addAll(left, runPane());
        setDividerPositions(0.38);
    }

    private Node runPane() {
        Label custom = new Label();
        custom.setId("custom-case");
        custom.setWrapText(true);
        custom.visibleProperty().bind(model.customProperty().isNotNull());
        custom.managedProperty().bind(custom.visibleProperty());
        model.customProperty().addListener((o, was, now) -> custom.setText(now == null ? ""
                : "Case from What if…: victim " + now.victim().label() + ", attacker " + now.attacker().label()));

        Spinner<Integer> attempts = new Spinner<>(1, Limits.MAX_ATTEMPTS, model.attemptsProperty().get());
        attempts.setId("attempts");
        attempts.setEditable(true);
        attempts.valueProperty().addListener((o, was, now) -> model.attemptsProperty().set(now));
        model.attemptsProperty().addListener((o, was, now) -> attempts.getValueFactory().setValue(now.intValue()));
        CheckBox netns = new CheckBox("Run inside a network namespace created for the run");
        netns.setId("netns");
        netns.selectedProperty().bindBidirectional(model.namespaceProperty());
        netns.setDisable(!model.canUseNamespace());
        TitledPane detailsPane = PaneParts.details("details-pane", new Label("Connections / datagrams"), attempts,
                new Label("Isolation"), netns);

        Button run = new Button("Run…");
        run.setId("run-button");
        run.getStyleClass().add(Styles.ACCENT);
        run.setDefaultButton(true);
        run.disableProperty().bind(model.stateProperty().isEqualTo(State.RUNNING)
                .or(model.presetProperty().isNull().and(model.customProperty().isNull())));
        run.setOnAction(e -> confirmAndRun());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-button");
        cancel.disableProperty().bind(model.stateProperty().isNotEqualTo(State.RUNNING));
        cancel.setOnAction(e -> model.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.setPrefWidth(180);
        progress.visibleProperty().bind(model.stateProperty().isEqualTo(State.RUNNING));
        elapsed.visibleProperty().bind(progress.visibleProperty());
        Timeline clock = new Timeline(new KeyFrame(javafx.util.Duration.millis(200), e -> elapsed.setText(
                String.format(Locale.ROOT, "%.1f s", Duration.between(startedAt, Instant.now()).toMillis() / 1000.0))));
        clock.setCycleCount(Timeline.INDEFINITE);
        Runnable liveProgress = () -> {
            int delivered = model.toVictimProperty().get() + model.toAttackerProperty().get();
            int total = model.request() == null ? 0 : model.request().attempts();
            progress.setProgress(delivered == 0 || total == 0 ? ProgressBar.INDETERMINATE_PROGRESS
                    : Math.min(1.0, delivered / (double) total));
            if (model.stateProperty().get() == State.RUNNING) {
                counters.setText("victim " + model.toVictimProperty().get() + " · attacker "
                        + model.toAttackerProperty().get() + " · of " + total);
            }
        };
        model.toVictimProperty().addListener(o -> liveProgress.run());
        model.toAttackerProperty().addListener(o -> liveProgress.run());
        model.stateProperty().addListener((o, was, now) -> {
            if (now == State.RUNNING) {
                startedAt = Instant.now();
                timeBase = startedAt;
                timeline.setItems(model.liveTimeline());
                counters.setVisible(true);
                counters.setManaged(true);
                liveProgress.run();
                clock.play();
            } else {
                clock.stop();
            }
        });
        HBox buttons = new HBox(10, run, cancel, progress, elapsed);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label message = PaneParts.message("experiment-message", model.messageProperty(), model.stateProperty());

        verdict.setId("experiment-verdict");
        verdict.getStyleClass().add("verdict");
        counters.setId("experiment-counters");
        counters.getStyleClass().add(Styles.TITLE_4);
        prediction.setWrapText(true);
        prediction.setMinHeight(Region.USE_PREF_SIZE);
        custom.setMinHeight(Region.USE_PREF_SIZE);
        timeline.setId("timeline");
        timeline.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        timeline.setPlaceholder(new Label("The timeline of the run appears here."));
        timeline.getColumns().setAll(java.util.List.of(
                column("Time", 110, e -> timeBase == null ? e.at().toString()
                        : "+" + Duration.between(timeBase, e.at()).toMillis() + " ms"),
                column("Actor", 90, TimelineEvent::actor),
                column("Event", 100, TimelineEvent::event),
                column("Detail", 320, TimelineEvent::detail)));
        timeline.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        model.resultProperty().addListener((o, was, now) -> showResult(now));
        showResult(null);

        VBox right = new VBox(10, custom, detailsPane, buttons, message, verdict, counters, prediction, notes, timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        right.setPadding(new Insets(10));
        return right;
    }

    private static TableColumn<TimelineEvent, String> column(String title, double width,
                                                             java.util.function.Function<TimelineEvent, String> text) {
        TableColumn<TimelineEvent, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        c.setCellFactory(ShownText.cells()); // errors and details may quote other users' text
        return c;
    }

    private void confirmAndRun() {
        runs.confirmAndStart("Run this experiment?", model.confirmation(), "experiment-confirmation", model::start);
    }

    private void showResult(ReplayResult r) {
        boolean show = r != null;
        for (Node n : new Node[] {verdict, counters, prediction, notes}) {
            n.setVisible(show);
            n.setManaged(show);
        }
        if (!show) {
            if (model.stateProperty().get() != State.RUNNING) {
                timeline.setItems(javafx.collections.FXCollections.observableArrayList());
            }
            return;
        }
        timeBase = r.started();
        timeline.setItems(javafx.collections.FXCollections.observableArrayList(r.result().timeline()));
        EncounterResult e = r.result();
        verdict.getStyleClass().removeIf(s -> s.startsWith("verdict-"));
        verdict.getStyleClass().add("verdict-" + e.observed().wireName());
        // stops, bind errors and notes quote the OS's and helpers' words: shown escaped
        verdict.setText(ShownText.of(e.stopped() != null ? "Stopped early (" + e.stopped() + "); observed so far: "
                + e.observed().wireName() : "Observed: " + e.observed().wireName() + (r.agrees() == null
                ? " (no prediction)" : r.agrees() ? " — agrees with the model" : " — DISAGREES with the model")));
        counters.setText(ShownText.of("victim " + e.toVictim() + " · attacker " + e.toAttacker() + " · lost " + e.lost()
                + " of " + e.attempts() + (e.secondBindError() == null ? "" : " · attacker's bind: " + e.secondBindError())));
        prediction.setText(ShownText.of(r.prediction() == null ? "No model prediction for this case."
                : "Model predicted: " + r.expected().wireName() + (r.prediction().error() == null ? "" : " (" + r.prediction().error() + ")")
                + ". " + r.prediction().explanation()));
        notes.getChildren().setAll(r.notes().stream().map(n -> {
            Label l = ShownText.label("Note: " + n);
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.getStyleClass().add(Styles.WARNING);
            return (Node) l;
        }).toList());
    }

    /** A preset: its name, then its description in smaller text. */
    private static final class PresetCell extends ListCell<ReplayPreset> {
        @Override
        protected void updateItem(ReplayPreset item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(item.name() + " · " + item.protocol().wireName());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label description = new Label(item.description());
            description.setWrapText(true);
            description.setMinHeight(Region.USE_PREF_SIZE);
            description.getStyleClass().add(Styles.TEXT_SMALL);
            // A wrapped label's height follows its width: give it the list's width (less the cell's padding and
            // the scroll bar) before the first layout, or the first cells are measured one line short and overlap.
            description.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
            VBox box = new VBox(2, name, description);
            box.setPrefWidth(0);
            box.maxWidthProperty().bind(getListView().widthProperty().subtract(30));
            setGraphic(box);
        }
    }
}
