package org.socketinspector.ui.experiments;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.socketinspector.experiment.BindMatrix;
import org.socketinspector.experiment.Limits;
import org.socketinspector.experiment.MatrixCell;
import org.socketinspector.semantics.BindEndpoint;
import org.socketinspector.semantics.BindOption;
import org.socketinspector.ui.common.ShownText;
import org.socketinspector.ui.experiments.ExperimentsViewModel.State;

/** Run this OS's bind matrix: live progress and counts, Cancel, then the disagreeing cells and the skipped ones. */
final class MatrixPane extends VBox {

    MatrixPane(MatrixViewModel model, ExperimentDialogs runs) {
        super(10);
        setId("matrix-pane");
        setPadding(new Insets(10));

        Label title = new Label("Run the bind matrix");
        title.getStyleClass().add(Styles.TITLE_4);
        Label about = new Label();
        about.setId("matrix-description");
        about.setWrapText(true);
        about.setMinHeight(Region.USE_PREF_SIZE);
        about.getStyleClass().add(Styles.TEXT_MUTED);
        about.textProperty().bind(Bindings.createStringBinding(model::description, model.attemptsProperty(),
                model.parallelismProperty()));

        Spinner<Integer> attempts = spinner("matrix-attempts", 1, Limits.MAX_ATTEMPTS, model.attemptsProperty());
        Spinner<Integer> parallel = spinner("matrix-parallel", 1, BindMatrix.MAX_PARALLELISM, model.parallelismProperty());
        TitledPane detailsPane = PaneParts.details("matrix-details", new Label("Connections / datagrams per cell"),
                attempts, new Label("Cells at once"), parallel);

        Button run = new Button("Run…");
        run.setId("matrix-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.disableProperty().bind(model.stateProperty().isEqualTo(State.RUNNING).or(Bindings.createBooleanBinding(
                () -> model.total() == 0)));
        run.setOnAction(e -> runs.confirmAndStart("Run the bind matrix?", model.confirmation(), "matrix-confirmation",
                model::start));
        Button cancel = new Button("Cancel");
        cancel.setId("matrix-cancel");
        cancel.disableProperty().bind(model.stateProperty().isNotEqualTo(State.RUNNING));
        cancel.setOnAction(e -> model.cancel());
        ProgressBar progress = new ProgressBar(0);
        progress.setId("matrix-progress");
        progress.setPrefWidth(260);
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> model.total() == 0 ? 0
                : model.doneProperty().get() / (double) model.total(), model.doneProperty()));
        Label done = new Label();
        done.setId("matrix-done");
        done.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d / %,d cells",
                model.doneProperty().get(), model.total()), model.doneProperty()));
        HBox buttons = new HBox(10, run, cancel, progress, done);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label counts = new Label();
        counts.setId("matrix-counts");
        counts.getStyleClass().add(Styles.TITLE_4);
        counts.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                        "agree %,d · disagree %,d · skipped %,d", model.agreeProperty().get(),
                        model.disagreeProperty().get(), model.skippedProperty().get())
                        + (model.notMeasuredProperty().get() == 0 ? "" : String.format(Locale.ROOT,
                        " · not measured %,d (stopped)", model.notMeasuredProperty().get())),
                model.agreeProperty(), model.disagreeProperty(), model.skippedProperty(), model.notMeasuredProperty()));
        model.disagreeProperty().addListener((o, was, now) -> {
            counts.getStyleClass().remove(Styles.DANGER);
            if (now.intValue() > 0) {
                counts.getStyleClass().add(Styles.DANGER);
            }
        });

        Label message = PaneParts.wrapping("matrix-message");
        message.textProperty().bind(model.messageProperty());
        model.stateProperty().addListener((o, was, now) -> {
            message.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
            if (now == State.FAILED) {
                message.getStyleClass().add(Styles.DANGER);
            } else if (now == State.FINISHED && model.resultProperty().get().stopped() != null) {
                message.getStyleClass().add(Styles.WARNING);
            }
        });

        Label verdict = new Label();
        verdict.setId("matrix-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.getStyleClass().add("verdict");
        model.resultProperty().addListener((o, was, now) -> {
            verdict.setText(model.verdict());
            verdict.getStyleClass().removeIf(c -> c.startsWith("verdict-"));
            // Red: a disagreement; amber: none so far, but the run stopped early; green: none in a complete run.
            verdict.getStyleClass().add(now == null ? "verdict-separate" : now.disagreements() > 0 ? "verdict-steals"
                    : now.stopped() != null ? "verdict-shares" : "verdict-separate");
        });
        verdict.visibleProperty().bind(model.resultProperty().isNotNull());
        verdict.managedProperty().bind(verdict.visibleProperty());
        // The table appears only when there is something in it: a run without disagreements says so in one line.
        TableView<MatrixCell> table = new TableView<>(model.disagreeing());
        table.setId("matrix-disagreements");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.visibleProperty().bind(Bindings.isNotEmpty(model.disagreeing()));
        table.managedProperty().bind(table.visibleProperty());
        table.getColumns().setAll(java.util.List.of(
                column("Proto", 50, c -> c.question().protocol().wireName()),
                column("First socket", 210, c -> side(c.question().first()) + " " + c.question().first().state().wireName()),
                column("Second socket", 190, c -> side(c.question().second())),
                column("Model", 120, c -> c.predicted() == null ? "—" : c.predicted().outcome().wireName()
                        + (c.predicted().error() == null ? "" : " " + c.predicted().error())),
                column("Kernel", 260, c -> c.observed() == null ? "—" : c.observed().observed().wireName()
                        + (c.observed().secondBindError() == null ? "" : " " + c.observed().secondBindError())
                        + " · victim " + c.observed().toVictim() + " attacker " + c.observed().toAttacker()
                        + " lost " + c.observed().lost())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<MatrixCell> row = new javafx.scene.control.TableRow<>();
            row.itemProperty().addListener((o, was, now) -> row.setTooltip(now == null ? null
                    : new javafx.scene.control.Tooltip(now.summary())));
            return row;
        });

        Label skippedTitle = new Label("Cells not measured, and why");
        skippedTitle.getStyleClass().add(Styles.TEXT_BOLD);
        // A few reasons at most (needs root, a helper that could not start, the stop): one line each.
        VBox skipped = new VBox(2);
        skipped.setId("matrix-skipped");
        model.skipReasons().addListener((ListChangeListener<String>) c -> skipped.getChildren().setAll(
                model.skipReasons().stream().map(reason -> {
                    Label l = ShownText.label("• " + reason);
                    l.setWrapText(true);
                    l.setMinHeight(Region.USE_PREF_SIZE);
                    return l;
                }).toList()));
        VBox skippedBox = new VBox(4, skippedTitle, skipped);
        skippedBox.visibleProperty().bind(Bindings.isNotEmpty(model.skipReasons()));
        skippedBox.managedProperty().bind(skippedBox.visibleProperty());

        getChildren().addAll(title, about, detailsPane, buttons, counts, message, verdict, table, skippedBox);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    /** "127.0.0.1 [REUSEPORT] root". */
    private static String side(BindEndpoint e) {
        String options = e.options().isEmpty() ? "none" : e.options().stream().map(BindOption::name).sorted()
                .reduce((a, b) -> a + "+" + b).orElse("none").toLowerCase(Locale.ROOT);
        return e.address() + " " + options + " " + e.user();
    }

    private static Spinner<Integer> spinner(String id, int min, int max, javafx.beans.property.IntegerProperty value) {
        Spinner<Integer> s = new Spinner<>(min, max, value.get());
        s.setId(id);
        s.setEditable(true);
        s.valueProperty().addListener((o, was, now) -> value.set(now));
        value.addListener((o, was, now) -> s.getValueFactory().setValue(now.intValue()));
        return s;
    }

    private static TableColumn<MatrixCell, String> column(String title, double width, Function<MatrixCell, String> text) {
        TableColumn<MatrixCell, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        c.setCellFactory(ShownText.cells()); // errors and details may quote other users' text
        return c;
    }
}
