package org.socketinspector.ui.sockets;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.ui.common.ShownText;

/**
 * A socket table with its filter field, side panel and status line: the body of the live view and of every
 * capture tab. The page that owns it adds its own controls to the tool bar.
 */
public class SocketsPane extends BorderPane {

    /** The details panel's width on a screen too small for a third of it. */
    private static final double DETAILS_WIDTH = 300;

    private final SocketsViewModel model;
    private final SocketTable table;
    private final HBox toolbar = new HBox(8);
    private final Label placeholder = new Label();
    private final Label banner = new Label();

    public SocketsPane(SocketsViewModel model, Consumer<SocketRecord> whatIf, Consumer<String> openLink) {
        this(model, whatIf, null, openLink);
    }

    /** @param probe called when the user asks to probe a listener's port (live sockets only), or null */
    public SocketsPane(SocketsViewModel model, Consumer<SocketRecord> whatIf, Consumer<SocketRecord> probe,
                       Consumer<String> openLink) {
        this.model = model;
        getStyleClass().add("sockets-pane");
        table = new SocketTable(model, whatIf, probe);
        placeholder.setId("table-placeholder");
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(placeholder);
        model.filteredRows().addListener((ListChangeListener<SocketRow>) c -> updatePlaceholder());
        model.auditProperty().addListener((o, was, now) -> updatePlaceholder());
        updatePlaceholder();

        TextField filter = new TextField();
        filter.setId("filter-field");
        filter.setPromptText("Filter: port:8080, process, user, address, rule…");
        filter.setPrefColumnCount(28);
        filter.textProperty().bindBidirectional(model.filterProperty());
        toolbar.getChildren().add(filter);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(8, 10, 8, 10));

        banner.setId("error-banner");
        banner.getStyleClass().addAll("banner", Styles.DANGER);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.setVisible(false);
        banner.managedProperty().bind(banner.visibleProperty());
        setTop(new javafx.scene.layout.VBox(toolbar, banner));

        DetailsPanel details = new DetailsPanel(model, openLink);
        SplitPane split = new SplitPane(table, details);
        SplitPane.setResizableWithParent(details, false);
        details.setMinWidth(260);
        // A third for the details, but no more than it needs on a small screen: at 1024 px the table's columns fit.
        split.widthProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> o, Number was, Number width) {
                if (width.doubleValue() > 0) {
                    split.setDividerPositions(1 - Math.min(1.0 / 3, DETAILS_WIDTH / width.doubleValue()));
                    split.widthProperty().removeListener(this); // from then on the user's divider, kept on resize
                }
            }
        });
        setCenter(split);
        setBottom(statusBar());
    }

    /** Adds controls after the filter field. */
    public void addToToolbar(Node... nodes) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        if (!toolbar.getChildren().stream().anyMatch(n -> "toolbar-spacer".equals(n.getId()))) {
            spacer.setId("toolbar-spacer");
            toolbar.getChildren().add(spacer);
        }
        toolbar.getChildren().addAll(nodes);
    }

    /** Shows an error above the table (null hides it); the last good rows stay visible. */
    public void showError(String message) {
        banner.setText(message == null ? "" : ShownText.of(message)); // errors quote file and process names
        banner.setVisible(message != null);
        updatePlaceholder();
    }

    public SocketTable table() {
        return table;
    }

    private void updatePlaceholder() {
        if (banner.isVisible() && !banner.getText().isEmpty() && model.rows().isEmpty()) {
            placeholder.setText("No scan yet: " + banner.getText());
        } else if (model.auditProperty().get() == null) {
            placeholder.setText("Scanning…");
        } else if (model.rows().isEmpty()) {
            placeholder.setText("No sockets in this scan.");
        } else {
            placeholder.setText("No socket matches “" + model.filterProperty().get().trim() + "”.");
        }
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("status-line");
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        Hyperlink limits = new Hyperlink();
        limits.setId("limitations-link");
        limits.textProperty().bind(Bindings.createStringBinding(() -> switch (model.limitations().size()) {
            case 0 -> "";
            case 1 -> "1 limitation…";
            default -> model.limitations().size() + " limitations…";
        }, model.limitations()));
        limits.visibleProperty().bind(Bindings.isNotEmpty(model.limitations()));
        limits.setOnAction(e -> showLimitations());
        HBox bar = new HBox(6, status, limits);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void showLimitations() {
        ListView<String> list = new ListView<>(model.limitations());
        list.setId("limitations-list");
        list.setPrefSize(640, 260);
        list.setCellFactory(ShownText.wrappingListCells());
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(getScene() == null ? null : getScene().getWindow());
        alert.setTitle("What this scan could not see");
        alert.setHeaderText("What this scan could not see");
        alert.getDialogPane().setContent(list);
        alert.setResizable(true);
        alert.show();
    }
}
