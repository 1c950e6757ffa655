package org.socketinspector.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.socketinspector.history.HistoryId;
import org.socketinspector.history.RunSummary;
import org.socketinspector.rules.Audit;
import org.socketinspector.store.HistoryFilter;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.store.Page;
import org.socketinspector.ui.capture.CaptureLoader;
import org.socketinspector.ui.common.DialogService;
import org.socketinspector.ui.common.UiEvents.AuditOpened;
import org.socketinspector.ui.common.UiEvents;
import org.socketinspector.ui.common.UiThreads;

/**
 * The shell's state and work, without a window: the history database (opened on first use, off the FX thread),
 * opening captures, saving snapshots, listing the snapshots an export may use. Every file and database call runs on
 * {@link UiThreads#background()}; results and messages come back on the FX thread, through {@link DialogService}.
 */
public final class MainWindowViewModel {

    private static final System.Logger LOG = System.getLogger(MainWindowViewModel.class.getName());
    static final List<DialogService.FileType> CAPTURE_TYPES = List.of(
            new DialogService.FileType("Scans, audits and captures", List.of("*.json", "*.txt", "*.log", "*.out")),
            new DialogService.FileType("All files", List.of("*")));

    private final UiServices services;
    private final UiThreads threads;
    private final DialogService dialogs;
    private final Consumer<AuditOpened> opened;
    private HistoryStore store;

    /** @param opened shows a capture, saved scan or snapshot that was read (on the FX thread) */
    public MainWindowViewModel(UiServices services, UiThreads threads, DialogService dialogs, Consumer<AuditOpened> opened) {
        this.services = services;
        this.threads = threads;
        this.dialogs = dialogs;
        this.opened = opened;
    }

    /**
     * The history database, opened on first use (a corrupt or newer file throws StoreException with the reason).
     * Never on the FX thread: a query may wait for another writer (the CLI) for seconds.
     */
    public synchronized HistoryStore history() {
        if (javafx.application.Platform.isFxApplicationThread()) {
            throw new IllegalStateException("the history database was asked for on the FX application thread");
        }
        if (store == null) {
            store = services.history().get();
            LOG.log(System.Logger.Level.INFO, () -> "history database " + store.file());
            store.notices().forEach(n -> LOG.log(System.Logger.Level.WARNING, n)); // e.g. its folder made private
        }
        return store;
    }

    /** File → Open capture…: the chooser, then {@link #openCapture}. */
    public void chooseCapture() {
        dialogs.chooseFileToOpen("Open capture or saved scan", CAPTURE_TYPES).ifPresent(this::openCapture);
    }

    /** Reads a capture or scan file and opens it as a tab; a bad file gets an error dialog naming the problem. */
    public void openCapture(Path file) {
        String name = file.getFileName().toString();
        threads.run("opening " + file, () -> new CaptureLoader(services.rules()).load(file),
                audit -> opened.accept(new AuditOpened(name, audit)),
                why -> dialogs.error("Cannot open " + name, why));
    }

    /** Stores this scan and its findings in the history, to compare later; says where, or why not. */
    public void saveSnapshot(Audit audit) {
        if (audit == null) {
            dialogs.inform("Save snapshot", "There is no scan yet to save.");
            return;
        }
        threads.run("saving the snapshot", () -> {
                    HistoryId id = history().saveSnapshot(audit);
                    return "Saved as " + id + " in " + history().file() + ". Compare snapshots in the History tab.";
                }, text -> dialogs.inform("Save snapshot", text),
                why -> dialogs.error("Save snapshot", "Cannot save the snapshot: " + why));
    }

    /** The first page of saved snapshots, for the export dialog; an unreadable history gives none (the History tab says why). */
    public void savedSnapshots(Consumer<List<RunSummary>> then) {
        threads.run("listing the snapshots", () -> history().list(HistoryFilter.snapshots(), Page.FIRST), then,
                why -> then.accept(List.of()));
    }

    /** A stored snapshot (called in the background, by the export). */
    public Optional<Audit> snapshot(HistoryId id) {
        return history().snapshot(id);
    }

    /** Closes the history database, on the background thread; waits a little for it (the application is ending). */
    public void close() {
        HistoryStore open;
        synchronized (this) {
            open = store;
            store = null;
        }
        if (open == null) {
            return;
        }
        try {
            Future<?> closed = threads.background().submit(open::close);
            closed.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            open.close(); // the pool has already ended: nothing else can run on the FX thread now
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the history database " + open.file(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
