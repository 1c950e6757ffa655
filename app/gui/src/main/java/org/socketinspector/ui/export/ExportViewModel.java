package org.socketinspector.ui.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import org.socketinspector.report.ExperimentHistory;
import org.socketinspector.report.ExperimentSummary;
import org.socketinspector.report.PageSize;
import org.socketinspector.report.ReportExporter;
import org.socketinspector.report.ReportFormat;
import org.socketinspector.report.ReportOptions;
import org.socketinspector.report.RuleDescriptions;
import org.socketinspector.rules.Audit;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.ui.common.Failures;

/**
 * File → Export report…: what to export (the live scan, the open tab, or a saved snapshot), in which format, with
 * which options, and where; validated as the user types, exported on a background thread.
 */
public final class ExportViewModel {

    /** One thing that can be exported: a label for the list and the audit behind it (read when exporting). */
    public record Scope(String label, Supplier<Optional<Audit>> audit) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final ObservableList<Scope> scopes = FXCollections.observableArrayList();
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(this, "scope");
    private final ObjectProperty<ReportFormat> format = new SimpleObjectProperty<>(this, "format", ReportFormat.HTML);
    private final ObjectProperty<PageSize> pageSize = new SimpleObjectProperty<>(this, "pageSize", PageSize.A4);
    private final BooleanProperty redact = new SimpleBooleanProperty(this, "redact");
    private final BooleanProperty redactUsers = new SimpleBooleanProperty(this, "redactUsers");
    private final BooleanProperty includeExperiments = new SimpleBooleanProperty(this, "includeExperiments");
    private final BooleanProperty openAfterwards = new SimpleBooleanProperty(this, "openAfterwards", true);
    private final StringProperty output = new SimpleStringProperty(this, "output", "");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<List<Path>> written = new ReadOnlyObjectWrapper<>(this, "written");
    private final Supplier<HistoryStore> history;
    private final Path folder;
    private final Executor background;
    private final Executor fx;
    /** Which folder check is the latest: one that answers after the user typed on is dropped. */
    private long checks;

    /**
     * @param scopes     what can be exported, the first one preselected
     * @param history    the history (for "include experiments")
     * @param folder     where the default file name goes
     * @param background where the output's folder is checked as the user types (a file system call; a stalled
     *                   network mount must not freeze the window)
     * @param fx         where that check's answer is applied
     */
    public ExportViewModel(List<Scope> scopes, Supplier<HistoryStore> history, Path folder, Executor background,
                           Executor fx) {
        this.scopes.setAll(scopes);
        this.history = history;
        this.folder = folder;
        this.background = background;
        this.fx = fx;
        scope.set(scopes.isEmpty() ? null : scopes.get(0));
        format.addListener((o, was, now) -> output.set(withExtension(output.get(), now)));
        output.set(folder.resolve(defaultName()).toString());
        for (javafx.beans.Observable input : new javafx.beans.Observable[] {scope, format, output}) {
            input.addListener(o -> validate());
        }
        validate();
    }

    /** "socket-inspector-report-20261125-1342.html". */
    String defaultName() {
        return "socket-inspector-report-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT)
                .withZone(ZoneOffset.UTC).format(java.time.Instant.now()) + "." + format.get().extension();
    }

    /** Swaps a known report extension (any format's) for the new format's; keeps any other name as it is. */
    static String withExtension(String path, ReportFormat f) {
        for (ReportFormat known : ReportFormat.values()) {
            for (String ext : known.extensions()) {
                if (path.toLowerCase(Locale.ROOT).endsWith("." + ext)) {
                    return path.substring(0, path.length() - ext.length() - 1) + "." + f.extension();
                }
            }
        }
        return path;
    }

    private void validate() {
        List<String> list = new ArrayList<>();
        if (scope.get() == null) {
            list.add("Nothing to export yet: wait for the first scan, open a capture or save a snapshot.");
        }
        String text = output.get() == null ? "" : output.get().trim();
        long check = ++checks;
        if (text.isEmpty()) {
            list.add("Choose the file to write.");
            problems.setAll(list);
            return;
        }
        problems.setAll(list);
        background.execute(() -> {
            String problem = fileProblem(text);
            fx.execute(() -> {
                if (check == checks && problem != null) {
                    problems.add(problem);
                }
            });
        });
    }

    /** Why {@code text} cannot be the report's file, or null. Reads the file system: call it in the background. */
    private static String fileProblem(String text) {
        Path parent = Path.of(text).toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return "The folder " + parent + " does not exist.";
        }
        return Files.isDirectory(Path.of(text)) ? text + " is a folder; name a file." : null;
    }

    /** Exports on {@code background}; the result goes to {@code fxThread}. False when invalid or already running. */
    public boolean export(Executor background, Executor fxThread) {
        validate();
        if (!problems.isEmpty() || running.get()) {
            return false;
        }
        Scope chosen = scope.get();
        Path file = Path.of(output.get().trim()).toAbsolutePath();
        ReportOptions options = new ReportOptions(format.get(), pageSize.get(), includeExperiments.get(),
                redact.get() || redactUsers.get(), redactUsers.get());
        running.set(true);
        written.set(null);
        message.set("Exporting " + format.get().wireName().toUpperCase(Locale.ROOT) + "…");
        String text = output.get().trim();
        background.execute(() -> {
            try {
                String problem = fileProblem(text); // the check made as the user typed may not have answered yet
                if (problem != null) {
                    fxThread.execute(() -> failed(problem));
                    return;
                }
                Optional<Audit> found = chosen.audit().get();
                if (found.isEmpty()) {
                    fxThread.execute(() -> failed(chosen.label() + " is no longer available"));
                    return;
                }
                Audit audit = found.get();
                List<ExperimentSummary> experiments = options.includeExperiments()
                        ? ExperimentHistory.of(history.get().experiments(
                                audit.scan().host() == null ? null : audit.scan().host().name(), ExperimentHistory.MAX_RUNS))
                        : List.of();
                List<Path> files = new ReportExporter(RuleDescriptions.engine()).export(audit, experiments, options, file);
                fxThread.execute(() -> done(files));
            } catch (Exception | LinkageError e) {
                String why = Failures.describe("exporting the report", e);
                fxThread.execute(() -> failed(why));
            }
        });
        return true;
    }

    private void done(List<Path> files) {
        running.set(false);
        written.set(List.copyOf(files));
        message.set("Wrote " + String.join(", ", files.stream().map(Path::toString).toList()));
    }

    private void failed(String why) {
        running.set(false);
        message.set("Export failed: " + why);
    }

    public ObservableList<Scope> scopes() {
        return scopes;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public ObjectProperty<ReportFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<PageSize> pageSizeProperty() {
        return pageSize;
    }

    public BooleanProperty redactProperty() {
        return redact;
    }

    public BooleanProperty redactUsersProperty() {
        return redactUsers;
    }

    public BooleanProperty includeExperimentsProperty() {
        return includeExperiments;
    }

    public BooleanProperty openAfterwardsProperty() {
        return openAfterwards;
    }

    public StringProperty outputProperty() {
        return output;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The files written by the last export, null before and while exporting. */
    public ReadOnlyObjectProperty<List<Path>> writtenProperty() {
        return written.getReadOnlyProperty();
    }

    Path folder() {
        return folder;
    }
}
