package org.socketinspector.ui.history;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.socketinspector.history.ListenerChange;
import org.socketinspector.history.RunSummary;
import org.socketinspector.history.RunType;
import org.socketinspector.history.SnapshotDiff;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.ui.common.ShownText;
import org.socketinspector.ui.common.WrappingToolBar;
import org.socketinspector.ui.sockets.SocketText;

/** Past experiment runs and saved snapshots: filters, pages, a detail pane with the timeline, snapshot diffs. */
public final class HistoryView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final HistoryViewModel model;
    private final TableView<RunSummary> table = new TableView<>();
    private final VBox details = new VBox(8);
    private final BiConsumer<String, Audit> openSnapshot;
    private final OsFamily host;

    /** @param openSnapshot opens a stored snapshot as a tab (title, audit) */
    /** @param host this machine's regime: snapshots are scans of this machine, their options named as it names them */
    public HistoryView(HistoryViewModel model, BiConsumer<String, Audit> openSnapshot, OsFamily host) {
        this.model = model;
        this.host = host;
        this.openSnapshot = openSnapshot;
        setId("history-view");

        ComboBox<HistoryViewModel.TypeChoice> type = new ComboBox<>(FXCollections.observableArrayList(HistoryViewModel.TypeChoice.values()));
        type.setId("history-type");
        type.valueProperty().bindBidirectional(model.typeProperty());
        ComboBox<String> kind = new ComboBox<>(FXCollections.observableArrayList("", "replay", "probe", "matrix", "snapshot"));
        kind.setId("history-kind");
        kind.setPromptText("any kind");
        kind.valueProperty().bindBidirectional(model.kindProperty());
        ComboBox<HistoryViewModel.AgreementChoice> agreement = new ComboBox<>(
                FXCollections.observableArrayList(HistoryViewModel.AgreementChoice.values()));
        agreement.setId("history-agreement");
        agreement.valueProperty().bindBidirectional(model.agreementProperty());
        Button previous = new Button("◀");
        previous.setId("history-previous");
        previous.setOnAction(e -> model.previous());
        Button next = new Button("▶");
        next.setId("history-next");
        next.setOnAction(e -> model.next());
        Label pageText = new Label();
        pageText.setId("history-page");
        Runnable updatePage = () -> {
            pageText.setText(model.pageText());
            previous.setDisable(model.pageProperty().get() <= 1);
            next.setDisable(model.pageProperty().get() >= model.pagesProperty().get());
        };
        model.rows().addListener((ListChangeListener<RunSummary>) c -> updatePage.run());
        model.totalProperty().addListener(o -> updatePage.run());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.load());
        Button compare = new Button("Compare snapshots");
        compare.setId("history-compare");
        compare.setDisable(true);
        compare.setOnAction(e -> showDiff());
        FlowPane bar = WrappingToolBar.of(WrappingToolBar.group(new Label("Show"), type, kind),
                WrappingToolBar.group(new Label("Model"), agreement, refresh, compare),
                WrappingToolBar.group(previous, pageText, next));
        bar.setPadding(new Insets(8, 10, 8, 10));
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        ShownText.bind(error, model.errorProperty()); // names the file and quotes SQLite
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        setTop(new VBox(bar, error));

        table.setId("history-table");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setItems(model.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No runs or snapshots yet. Run an experiment, or File → Save snapshot."));
        table.getColumns().setAll(List.of(
                column("Id", 60, r -> r.id().toString()),
                column("Kind", 80, RunSummary::kind),
                column("When", 170, r -> TIME.format(r.startedAt())),
                column("Host", 110, r -> r.host() == null ? "" : r.host()),
                column("Model", 90, r -> r.agrees() == null ? "" : r.agrees() ? "agrees" : "DISAGREES"),
                column("Title", 330, RunSummary::title),
                column("Outcome", 300, r -> r.outcome() == null ? "" : r.outcome())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunSummary>) c -> {
            List<RunSummary> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
            compare.setDisable(!(selected.size() == 2 && selected.stream().allMatch(r -> r.id().type() == RunType.SNAPSHOT)));
            if (selected.size() == 1) {
                showDetails(selected.get(0));
            }
        });

        details.setPadding(new Insets(10));
        details.setId("history-details");
        ScrollPane detailsScroll = new ScrollPane(details);
        detailsScroll.setFitToWidth(true);
        SplitPane split = new SplitPane(table, detailsScroll);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setCenter(split);
        details.getChildren().setAll(hint("Select a run to see its record and timeline; select two snapshots to compare them."));
    }

    /** The run selected in the table, if exactly one is. */
    public java.util.Optional<RunSummary> selectedRun() {
        List<RunSummary> selected = table.getSelectionModel().getSelectedItems();
        return selected.size() == 1 ? java.util.Optional.of(selected.get(0)) : java.util.Optional.empty();
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> text) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 170)); // ids, kinds and times stay whole at 1024 px; titles give way
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        c.setCellFactory(ShownText.cells()); // titles, hosts and stored records hold other users' text
        // The store orders pages newest first; sorting one page of many would mislead.
        c.setSortable(false);
        return c;
    }

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    private static String localTime(String instant) {
        try {
            return MILLIS.format(java.time.Instant.parse(instant));
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        return l;
    }

    private static Label heading(String text) {
        Label l = ShownText.label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        l.setWrapText(true);
        return l;
    }

    private void showDetails(RunSummary run) {
        details.getChildren().clear();
        details.getChildren().add(heading(run.id() + " · " + run.title()));
        if (run.outcome() != null) {
            details.getChildren().add(ShownText.label(run.outcome()));
        }
        if (run.id().type() == RunType.SNAPSHOT) {
            Button open = new Button("Open as tab");
            open.setId("history-open-snapshot");
            open.setOnAction(e -> model.snapshot(run.id(), found -> found.ifPresent(
                    a -> openSnapshot.accept(run.id() + " " + run.title(), a))));
            details.getChildren().add(open);
            return;
        }
        details.getChildren().add(hint("Reading…"));
        model.details(run, d -> {
            if (selectedRun().filter(run::equals).isPresent()) {
                showRecord(d);
            }
        });
    }

    private void showRecord(HistoryViewModel.RunDetails d) {
        details.getChildren().setAll(heading(d.run().id() + " · " + d.run().title()));
        if (d.run().outcome() != null) {
            details.getChildren().add(ShownText.label(d.run().outcome()));
        }
        TableView<HistoryViewModel.TimelineRow> timeline = new TableView<>(FXCollections.observableArrayList(d.timeline()));
        timeline.setId("history-timeline");
        timeline.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        timeline.getColumns().setAll(List.of(
                column("At", 120, r -> localTime(r.at())),
                column("Actor", 90, HistoryViewModel.TimelineRow::actor),
                column("Event", 100, HistoryViewModel.TimelineRow::event),
                column("Detail", 300, HistoryViewModel.TimelineRow::detail)));
        timeline.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        timeline.setPrefHeight(220);
        TableView<Map.Entry<String, String>> fields = new TableView<>(FXCollections.observableArrayList(d.fields()));
        fields.getColumns().setAll(List.of(column("Field", 220, Map.Entry::getKey), column("Value", 400, Map.Entry::getValue)));
        fields.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fields.setPrefHeight(220);
        details.getChildren().addAll(heading("Timeline (" + d.timeline().size() + " events)"), timeline,
                heading("Record"), fields);
    }

    private void showDiff() {
        List<RunSummary> two = table.getSelectionModel().getSelectedItems().stream()
                .sorted(java.util.Comparator.comparingLong(r -> r.id().number())).toList();
        model.diff(two.get(0), two.get(1), diff -> showDiff(two, diff));
    }

    private void showDiff(List<RunSummary> two, SnapshotDiff diff) {
        details.getChildren().clear();
        details.setId("history-details");
        details.getChildren().add(heading("What changed between " + two.get(0).id() + " and " + two.get(1).id()));
        if (diff.isEmpty()) {
            details.getChildren().add(hint("No listener opened, closed or changed owner or options."));
            return;
        }
        details.getChildren().addAll(section("Opened (" + diff.opened().size() + ")", diff.opened().stream().map(this::line).toList()),
                section("Closed (" + diff.closed().size() + ")", diff.closed().stream().map(this::line).toList()),
                section("Changed (" + diff.changed().size() + ")", diff.changed().stream().map(this::change).toList()));
    }

    private static Node section(String title, List<String> lines) {
        VBox box = new VBox(2, heading(title));
        if (lines.isEmpty()) {
            box.getChildren().add(hint("none"));
        }
        lines.forEach(l -> {
            Label label = new Label(ShownText.keepingLines(l)); // a change's own lines stay lines
            label.getStyleClass().add("mono");
            box.getChildren().add(label);
        });
        return box;
    }

    private String line(SocketRecord s) {
        return s.protocol().wireName() + "  " + s.localEndpoint() + "  pid " + (s.pid() == null ? "?" : s.pid()) + "  "
                + SocketText.process(s) + "  " + SocketText.user(s) + "  " + SocketText.flags(s, host);
    }

    private String change(ListenerChange c) {
        StringBuilder text = new StringBuilder(line(c.after()));
        c.fields().forEach(f -> text.append("\n      ").append(f.field()).append(": ").append(f.before()).append(" → ").append(f.after()));
        return text.toString();
    }
}
