package org.socketinspector.ui.export;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.socketinspector.report.PageSize;
import org.socketinspector.report.ReportFormat;
import org.socketinspector.ui.common.DialogService;
import org.socketinspector.ui.common.ShownText;
import org.socketinspector.ui.common.UiThreads;

/** File → Export report…: renders an {@link ExportViewModel}; shows progress when an export takes over a second. */
public final class ExportDialog extends Dialog<Void> {

    private static final ButtonType EXPORT = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);

    /**
     * @param open    opens a written report (when asked to)
     * @param threads where the export runs and its result comes back
     * @param dialogs the file chooser behind Browse…
     */
    public ExportDialog(ExportViewModel model, Consumer<Path> open, UiThreads threads, DialogService dialogs) {
        setTitle("Export report");
        setHeaderText("Export an audit report");
        setResizable(true);
        getDialogPane().setId("export-dialog");
        getDialogPane().getButtonTypes().addAll(EXPORT, ButtonType.CLOSE);

        ComboBox<ExportViewModel.Scope> scope = new ComboBox<>(model.scopes());
        scope.setId("export-scope");
        scope.valueProperty().bindBidirectional(model.scopeProperty());
        scope.setMaxWidth(Double.MAX_VALUE);
        ComboBox<ReportFormat> format = new ComboBox<>(FXCollections.observableArrayList(ReportFormat.values()));
        format.setId("export-format");
        format.valueProperty().bindBidirectional(model.formatProperty());
        ComboBox<PageSize> page = new ComboBox<>(FXCollections.observableArrayList(PageSize.values()));
        page.valueProperty().bindBidirectional(model.pageSizeProperty());
        page.disableProperty().bind(model.formatProperty().isNotEqualTo(ReportFormat.PDF));
        CheckBox redact = check("Mask secrets in command lines (--password=, token=, credentials in URLs)", "export-redact",
                model.redactProperty());
        CheckBox redactUsers = check("Also replace user names", "export-redact-users", model.redactUsersProperty());
        CheckBox experiments = check("Include the experiments from the history that confirmed or refuted each finding",
                "export-experiments", model.includeExperimentsProperty());
        CheckBox openAfter = check("Open the report when it is written", "export-open", model.openAfterwardsProperty());
        TextField output = new TextField();
        output.setId("export-output");
        output.textProperty().bindBidirectional(model.outputProperty());
        HBox.setHgrow(output, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> browse(model, dialogs));
        HBox file = new HBox(6, output, browse);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        grid.addRow(row++, new Label("What"), scope);
        grid.addRow(row++, new Label("Format"), format);
        grid.addRow(row++, new Label("PDF paper"), page);
        grid.addRow(row++, new Label("Options"), new VBox(6, redact, redactUsers, experiments));
        grid.addRow(row++, new Label("File"), file);
        grid.add(openAfter, 1, row);
        GridPane.setHgrow(file, Priority.ALWAYS);

        Label problems = new Label();
        problems.setId("export-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add(Styles.DANGER);
        problems.textProperty().bind(Bindings.createStringBinding( // they quote the path typed in
                () -> ShownText.keepingLines(String.join("\n", model.problems())), model.problems()));
        ProgressBar progress = new ProgressBar();
        progress.setId("export-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        // Progress only for an export that takes over a second: a quick one should not flicker.
        PauseTransition oneSecond = new PauseTransition(javafx.util.Duration.seconds(1));
        oneSecond.setOnFinished(e -> progress.setVisible(model.runningProperty().get()));
        model.runningProperty().addListener((o, was, now) -> {
            if (now) {
                oneSecond.playFromStart();
            } else {
                oneSecond.stop();
                progress.setVisible(false);
            }
        });
        Label message = new Label();
        message.setId("export-message");
        message.setWrapText(true);
        ShownText.bind(message, model.messageProperty()); // quotes paths and the reason a write failed
        model.writtenProperty().addListener((o, was, now) -> {
            if (now != null && !now.isEmpty() && model.openAfterwardsProperty().get()) {
                open.accept(now.get(0));
            }
        });

        VBox content = new VBox(12, grid, problems, progress, message);
        content.setPadding(new Insets(4));
        content.setPrefWidth(640);
        getDialogPane().setContent(content);

        Button export = (Button) getDialogPane().lookupButton(EXPORT);
        export.setId("export-button");
        export.disableProperty().bind(Bindings.isNotEmpty(model.problems()).or(model.runningProperty()));
        // Export keeps the dialog open: the user sees the progress and where the file went.
        export.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.export(threads.background(), threads.fx());
        });
    }

    private static CheckBox check(String text, String id, javafx.beans.property.BooleanProperty property) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setWrapText(true);
        box.selectedProperty().bindBidirectional(property);
        return box;
    }

    private static void browse(ExportViewModel model, DialogService dialogs) {
        Path current = Path.of(model.outputProperty().get().isBlank() ? model.folder().toString() : model.outputProperty().get());
        dialogs.chooseFileToSave("Export report to", current).ifPresent(p -> model.outputProperty().set(p.toString()));
    }

}
