package org.socketinspector.ui.sockets;

import java.util.Comparator;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Severity;
import org.socketinspector.ui.common.ShownText;

/** The socket table: columns, cells, sorting and the row context menu. Thin: all state is in the view model. */
public final class SocketTable extends TableView<SocketRow> {

    private final TableColumn<SocketRow, String> remoteColumn;
    private SocketRow anchor;
    private int anchorIndex = -1;

    /**
     * @param model   the rows, filter and selection
     * @param whatIf  called with a socket when the user asks "what if another socket binds here?"
     * @param probe   called with a listener when the user asks to probe its port; null where that makes no sense
     *                (a capture of another machine)
     */
    public SocketTable(SocketsViewModel model, Consumer<SocketRecord> whatIf, Consumer<SocketRecord> probe) {
        setId("socket-table");
        getStyleClass().addAll("socket-table", atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Styles.STRIPED);
        SortedList<SocketRow> sorted = new SortedList<>(model.filteredRows());
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!model.updatingProperty().get()) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> select(now));
        model.updatingProperty().addListener((o, was, now) -> {
            if (now) {
                anchor = firstVisibleRow();
                anchorIndex = anchor == null ? -1 : getItems().indexOf(anchor);
            } else {
                keepInPlace(model.selectedProperty().get());
            }
        });

        TableColumn<SocketRow, Severity> severity = column("Risk", 92, 74, SocketRow::severityProperty);
        severity.setId("col-severity");
        severity.setComparator(SocketRow.SEVERITY_ORDER);
        severity.setCellFactory(c -> new SeverityCell());
        TableColumn<SocketRow, String> proto = column("Proto", 68, 66, r -> new ReadOnlyObjectWrapper<>(r.protocol()));
        proto.setId("col-proto");
        proto.setCellFactory(ShownText.cells());
        TableColumn<SocketRow, SocketRow> local = column("Local address", 170, 150, ReadOnlyObjectWrapper::new);
        local.setId("col-local");
        local.setComparator(Comparator.comparing(SocketRow::localSortKey));
        local.setCellFactory(ShownText.cells(SocketRow::localEndpoint, "mono"));
        remoteColumn = column("Remote", 190, 150, SocketRow::remoteProperty);
        remoteColumn.setId("col-remote");
        remoteColumn.setCellFactory(ShownText.cells(v -> v, "mono"));
        remoteColumn.setVisible(false);
        TableColumn<SocketRow, String> state = column("State", 84, 76, SocketRow::stateProperty);
        state.setId("col-state");
        state.setCellFactory(ShownText.cells());
        TableColumn<SocketRow, Integer> pid = column("PID", 64, 56, SocketRow::pidProperty);
        pid.setId("col-pid");
        pid.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        pid.setCellFactory(ShownText.cells(v -> v == null ? "—" : v.toString(), "mono", "numeric"));
        TableColumn<SocketRow, String> process = column("Process", 125, 90, SocketRow::processProperty);
        process.setId("col-process"); // other users name their processes: a newline or U+202E is shown, not obeyed
        process.setCellFactory(ShownText.cells());
        TableColumn<SocketRow, String> user = column("User", 88, 64, SocketRow::userProperty);
        user.setId("col-user");
        user.setCellFactory(ShownText.cells());
        TableColumn<SocketRow, String> flags = column("Reuse flags", 180, 100, SocketRow::flagsProperty);
        flags.setId("col-flags");
        flags.setCellFactory(ShownText.cells(Function.identity(), "mono"));
        getColumns().setAll(java.util.List.of(severity, proto, local, remoteColumn, state, pid, process, user, flags));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setTableMenuButtonVisible(true);

        setRowFactory(t -> {
            TableRow<SocketRow> row = new TableRow<>();
            row.contextMenuProperty().bind(javafx.beans.binding.Bindings.when(row.emptyProperty())
                    .then((ContextMenu) null).otherwise(rowMenu(row, model, whatIf, probe)));
            return row;
        });
    }

    private void select(SocketRow row) {
        if (row != getSelectionModel().getSelectedItem()) {
            if (row == null) {
                getSelectionModel().clearSelection();
            } else {
                getSelectionModel().select(row);
            }
        }
    }

    /**
     * After a scan: the selected row stays selected, and the row that was at the top of the viewport stays there
     * even when rows above it came or went (so the user does not see the table jump).
     */
    private void keepInPlace(SocketRow selected) {
        select(selected);
        if (anchor != null) {
            int index = getItems().indexOf(anchor);
            VirtualFlow<?> flow = flow();
            if (index >= 0 && index != anchorIndex && flow != null) {
                // After the flow has taken the item change in its next layout, else that layout undoes it.
                javafx.application.Platform.runLater(() -> flow.scrollToTop(index));
            }
            anchor = null;
        }
    }

    private SocketRow firstVisibleRow() {
        VirtualFlow<?> flow = flow();
        if (flow == null || flow.getFirstVisibleCell() == null) {
            return null;
        }
        int index = flow.getFirstVisibleCell().getIndex();
        return index >= 0 && index < getItems().size() ? getItems().get(index) : null;
    }

    private VirtualFlow<?> flow() {
        return lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
    }

    /** Shows or hides the remote column (useful only when connections are listed). */
    public void showRemote(boolean show) {
        remoteColumn.setVisible(show);
        // With the remote column the columns no longer fit beside the side panel: scroll sideways instead of
        // squeezing every column to an ellipsis.
        setColumnResizePolicy(show ? TableView.UNCONSTRAINED_RESIZE_POLICY : TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static ContextMenu rowMenu(TableRow<SocketRow> row, SocketsViewModel model, Consumer<SocketRecord> whatIf,
                                       Consumer<SocketRecord> probe) {
        MenuItem ask = new MenuItem("What if another socket binds here…");
        ask.setId("menu-whatif");
        ask.setOnAction(e -> whatIf.accept(row.getItem().socket()));
        ContextMenu menu = new ContextMenu(ask);
        if (probe != null) {
            MenuItem probeItem = new MenuItem("Probe this port…");
            probeItem.setId("menu-probe");
            probeItem.setOnAction(e -> probe.accept(row.getItem().socket()));
            // A listener, a TCP socket bound but not listening yet, or a bound UDP socket: a port another socket
            // could try to bind (connections are not probed).
            menu.setOnShowing(e -> probeItem.setDisable(row.getItem() == null || !row.getItem().socket().isListening()));
            menu.getItems().add(probeItem);
        }
        MenuItem copy = new MenuItem("Copy address");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(row.getItem().localEndpoint());
            Clipboard.getSystemClipboard().setContent(content);
        });
        MenuItem byProcess = new MenuItem("Show only this process");
        byProcess.setOnAction(e -> model.filterProperty().set(row.getItem().process()));
        MenuItem byPort = new MenuItem("Show only this port");
        byPort.setOnAction(e -> model.filterProperty().set("port:" + row.getItem().socket().localPort()));
        menu.getItems().addAll(new SeparatorMenuItem(), copy, byProcess, byPort);
        return menu;
    }

    /** @param min wide enough for the title and the usual values ("MEDIUM", "LISTEN", "127.0.0.1:65535") */
    private static <T> TableColumn<SocketRow, T> column(String title, double width, double min,
                                                        Function<SocketRow, ObservableValue<T>> value) {
        TableColumn<SocketRow, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(min);
        column.setCellValueFactory(features -> value.apply(features.getValue()));
        return column;
    }

    /** A coloured pill with the socket's highest severity. */
    private static final class SeverityCell extends TableCell<SocketRow, Severity> {
        private final Label pill = new Label();

        SeverityCell() {
            setAlignment(Pos.CENTER_LEFT);
            pill.getStyleClass().add("severity");
        }

        @Override
        protected void updateItem(Severity item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            pill.setText(item.name());
            pill.getStyleClass().removeIf(s -> s.startsWith("severity-"));
            pill.getStyleClass().add("severity-" + item.wireName());
            setGraphic(pill);
        }
    }
}
