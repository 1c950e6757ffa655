package org.socketinspector.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;
import org.socketinspector.history.RunSummary;
import org.socketinspector.history.RunType;
import org.socketinspector.lesson.Lesson;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.ui.capture.CaptureView;
import org.socketinspector.ui.classroom.ClassroomPage;
import org.socketinspector.ui.classroom.ClassroomView;
import org.socketinspector.ui.classroom.ClassroomViewModel;
import org.socketinspector.ui.common.DialogService;
import org.socketinspector.ui.common.EventBus;
import org.socketinspector.ui.common.FxDialogs;
import org.socketinspector.ui.common.Page;
import org.socketinspector.ui.common.ShownText;
import org.socketinspector.ui.common.UiEvents.AuditOpened;
import org.socketinspector.ui.common.UiEvents.WhatIfRequested;
import org.socketinspector.ui.common.UiThreads;
import org.socketinspector.ui.experiments.ExperimentsPage;
import org.socketinspector.ui.experiments.ExperimentsViewModel;
import org.socketinspector.ui.experiments.MatrixViewModel;
import org.socketinspector.ui.experiments.ProbeViewModel;
import org.socketinspector.ui.export.ExportDialog;
import org.socketinspector.ui.export.ExportViewModel;
import org.socketinspector.ui.history.HistoryPage;
import org.socketinspector.ui.history.HistoryViewModel;
import org.socketinspector.ui.live.LivePage;
import org.socketinspector.ui.live.LiveViewModel;
import org.socketinspector.ui.whatif.WhatIfDialogs;

/**
 * The shell: menu bar and tabs (the live view first, then one tab per opened capture). Pages talk to it through
 * the {@link EventBus}; its work (files, the history database) is {@link MainWindowViewModel}'s, on the background
 * threads of {@link UiThreads}.
 */
public final class MainWindow extends BorderPane {

    private final UiServices services;
    private final EventBus bus = new EventBus();
    private final TabPane tabs = new TabPane();
    private final Consumer<String> openLink;
    private final UiThreads threads;
    private final DialogService dialogs = new FxDialogs(this::window);
    private final MainWindowViewModel model;
    private final LivePage live;
    private final ExperimentsPage experiments;
    private final HistoryPage history;
    private final ClassroomPage classroom;
    private final List<Page> pages;

    public MainWindow(UiServices services, UiThreads threads, Consumer<String> openLink) {
        this.services = services;
        this.threads = threads;
        this.openLink = openLink;
        setId("main-window");
        model = new MainWindowViewModel(services, threads, dialogs, bus::publish);
        OsFamily host = services.hostOs();
        live = new LivePage(new LiveViewModel(services.scans(), threads.background()), bus, openLink, host);
        experiments = new ExperimentsPage(
                new ExperimentsViewModel(services.experiments(), this::historyStore, host, services.selfUid()),
                new ProbeViewModel(services.probes(), this::historyStore, host, services.selfUid()),
                new MatrixViewModel(services.matrix(), this::historyStore, host), bus, threads, dialogs);
        history = new HistoryPage(new HistoryViewModel(this::historyStore, threads.background(), threads.fx()), bus,
                host);
        classroom = new ClassroomPage(new ClassroomViewModel(services.semantics(), Lesson.DEFAULT_CONNECTIONS, host,
                services.selfUid()), bus);
        pages = List.of(live, experiments, history, classroom);
        new WhatIfDialogs(services.semantics(), host, bus, this::window);
        bus.subscribe(AuditOpened.class, this::openAuditTab);

        pages.forEach(page -> tabs.getTabs().add(page.tab()));
        tabs.setId("tabs");
        setTop(menuBar());
        setCenter(tabs);
    }

    public LiveViewModel live() {
        return live.model();
    }

    public EventBus bus() {
        return bus;
    }

    public TabPane tabs() {
        return tabs;
    }

    public ExperimentsViewModel experiments() {
        return experiments.replay();
    }

    public ProbeViewModel probe() {
        return experiments.probe();
    }

    public MatrixViewModel matrix() {
        return experiments.matrix();
    }

    public ClassroomViewModel classroom() {
        return classroom.model();
    }

    public ClassroomView classroomView() {
        return classroom.view();
    }

    public HistoryViewModel historyModel() {
        return history.model();
    }

    public MainWindowViewModel model() {
        return model;
    }

    private HistoryStore historyStore() {
        return model.history();
    }

    /** Ends what every page runs (the live scan, the experiments), and closes the history database. */
    public void close() {
        pages.forEach(Page::close);
        model.close();
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open capture…");
        open.setId("menu-open");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> model.chooseCapture());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        MenuItem save = new MenuItem("Save snapshot");
        save.setId("menu-save-snapshot");
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        save.setOnAction(e -> saveSnapshot());
        MenuItem export = new MenuItem("Export report…");
        export.setId("menu-export");
        export.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        export.setOnAction(e -> openExport());
        Menu file = new Menu("File", null, open, save, export, new SeparatorMenuItem(), quit);
        file.setId("menu-file");

        MenuItem whatIf = new MenuItem("What if…");
        whatIf.setId("menu-whatif-empty");
        whatIf.setAccelerator(KeyCombination.keyCombination("Shortcut+W"));
        whatIf.setOnAction(e -> bus.publish(new WhatIfRequested(null, services.hostOs())));
        Menu tools = new Menu("Tools", null, whatIf);
        tools.setId("menu-tools");

        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setOnAction(e -> Application.setUserAgentStylesheet(dark.isSelected()
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet()));
        Menu view = new Menu("View", null, dark);
        MenuBar bar = new MenuBar(file, tools, view);
        bar.setId("menu-bar");
        return bar;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** Reads a capture or scan file in the background and opens it as a tab, or says why it cannot. */
    public void openCapture(Path file) {
        model.openCapture(file);
    }

    private void openAuditTab(AuditOpened e) {
        OsFamily capturedOn = OsFamily.of(e.audit().scan().host()); // a Windows capture is asked about Windows
        Consumer<SocketRecord> whatIf = s -> bus.publish(new WhatIfRequested(s, capturedOn));
        CaptureView view = new CaptureView(e.audit(), whatIf, openLink);
        view.setId("tab-capture-content");
        Tab tab = new Tab(ShownText.of(e.title()), view); // a capture file's name, a stored host name
        tab.setId("tab-capture");
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    /**
     * The export dialog, its scopes in this order: what the user is looking at (a capture tab, or the snapshot
     * selected in the History), the live scan, the other tabs, then the saved snapshots (added when the history
     * has answered, in the background).
     */
    public ExportDialog openExport() {
        List<ExportViewModel.Scope> scopes = new ArrayList<>();
        Tab current = tabs.getSelectionModel().getSelectedItem();
        if (current == history.tab()) {
            history.selectedRun().filter(r -> r.id().type() == RunType.SNAPSHOT)
                    .ifPresent(r -> scopes.add(snapshotScope(r)));
        }
        if (current.getContent() instanceof CaptureView view) {
            scopes.add(new ExportViewModel.Scope("Tab: " + current.getText(), () -> Optional.of(view.audit())));
        }
        if (live().sockets().auditProperty().get() != null) {
            scopes.add(new ExportViewModel.Scope("Live scan (as shown now)",
                    () -> Optional.ofNullable(live().sockets().auditProperty().get())));
        }
        for (Tab tab : tabs.getTabs()) {
            if (tab != current && tab.getContent() instanceof CaptureView view) {
                scopes.add(new ExportViewModel.Scope("Tab: " + tab.getText(), () -> Optional.of(view.audit())));
            }
        }
        ExportViewModel export = new ExportViewModel(scopes, this::historyStore, Path.of(System.getProperty("user.home")),
                threads.background(), threads.fx());
        model.savedSnapshots(runs -> runs.stream()
                .filter(r -> export.scopes().stream().noneMatch(s -> s.label().startsWith(r.id() + " ")))
                .forEach(r -> export.scopes().add(snapshotScope(r))));
        ExportDialog dialog = new ExportDialog(export, file -> openLink.accept(file.toUri().toString()), threads, dialogs);
        dialog.initOwner(window());
        dialog.show();
        return dialog;
    }

    private ExportViewModel.Scope snapshotScope(RunSummary r) {
        return new ExportViewModel.Scope(r.id() + " " + r.title() + " (" + r.outcome() + ")", () -> model.snapshot(r.id()));
    }

    /** Stores the live view's current scan and findings in the history (in the background), to compare later. */
    public void saveSnapshot() {
        model.saveSnapshot(live().sockets().auditProperty().get());
    }

}
