package org.socketinspector.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.ui.UiEvents.CaptureOpened;
import org.socketinspector.ui.UiEvents.WhatIfRequested;
import org.socketinspector.ui.capture.CaptureLoader;
import org.socketinspector.ui.capture.CaptureView;
import org.socketinspector.ui.live.LiveView;
import org.socketinspector.ui.live.LiveViewModel;
import org.socketinspector.ui.whatif.WhatIfDialog;
import org.socketinspector.ui.whatif.WhatIfViewModel;

/**
 * The shell: menu bar and tabs (the live view first, then one tab per opened capture). Pages talk to it through
 * the {@link EventBus}; it owns the dialogs.
 */
public final class MainWindow extends BorderPane {

    private final UiServices services;
    private final EventBus bus = new EventBus();
    private final LiveViewModel live;
    private final TabPane tabs = new TabPane();
    private final Consumer<String> openLink;

    public MainWindow(UiServices services, Consumer<String> openLink) {
        this.services = services;
        this.openLink = openLink;
        setId("main-window");
        live = new LiveViewModel(services.scans());
        Consumer<SocketRecord> whatIf = s -> bus.publish(new WhatIfRequested(s));
        Tab liveTab = new Tab("Live", new LiveView(live, whatIf, openLink));
        liveTab.setId("tab-live");
        liveTab.setClosable(false);
        tabs.getTabs().add(liveTab);
        tabs.setId("tabs");
        setTop(menuBar());
        setCenter(tabs);

        bus.subscribe(WhatIfRequested.class, e -> openWhatIf(e.first()));
        bus.subscribe(CaptureOpened.class, e -> openCaptureTab(e));
    }

    public LiveViewModel live() {
        return live;
    }

    public EventBus bus() {
        return bus;
    }

    public TabPane tabs() {
        return tabs;
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open capture…");
        open.setId("menu-open");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseCapture());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> javafx.application.Platform.exit());
        Menu file = new Menu("File", null, open, new javafx.scene.control.SeparatorMenuItem(), quit);
        file.setId("menu-file");

        MenuItem whatIf = new MenuItem("What if…");
        whatIf.setId("menu-whatif-empty");
        whatIf.setAccelerator(KeyCombination.keyCombination("Shortcut+W"));
        whatIf.setOnAction(e -> bus.publish(new WhatIfRequested(null)));
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

    private void chooseCapture() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open capture or saved scan");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Scans, audits and captures", "*.json", "*.txt", "*.log", "*.out"),
                new FileChooser.ExtensionFilter("All files", "*"));
        java.io.File file = chooser.showOpenDialog(window());
        if (file != null) {
            openCapture(file.toPath());
        }
    }

    /** Reads a capture or scan file and opens it as a tab; a bad file gets an error dialog naming the problem. */
    public void openCapture(Path file) {
        try {
            bus.publish(new CaptureOpened(file, new CaptureLoader(services.rules()).load(file)));
        } catch (IOException | CaptureLoader.CaptureException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
            alert.setHeaderText("Cannot open " + file.getFileName());
            alert.initOwner(window());
            alert.show();
        }
    }

    private void openCaptureTab(CaptureOpened e) {
        Consumer<SocketRecord> whatIf = s -> bus.publish(new WhatIfRequested(s));
        CaptureView view = new CaptureView(e.audit(), whatIf, openLink);
        view.setId("tab-capture-content");
        Tab tab = new Tab(e.file().getFileName().toString(), view);
        tab.setId("tab-capture");
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    private void openWhatIf(SocketRecord first) {
        WhatIfViewModel model = new WhatIfViewModel(services.semantics());
        if (first != null) {
            model.prefill(first);
        }
        WhatIfDialog dialog = new WhatIfDialog(model);
        dialog.initOwner(window());
        dialog.show();
    }
}
