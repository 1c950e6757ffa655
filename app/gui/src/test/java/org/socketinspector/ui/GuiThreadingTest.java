package org.socketinspector.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.rules.RuleEngine;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.testing.GuiTest;
import org.socketinspector.ui.common.UiThreads;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * No file, database or native call on the FX thread: the window is driven through the live scan, opening captures
 * (good and bad), saving snapshots, the History tab (list, details, diff, a snapshot as a tab) and an export that
 * reads the history, while every service records the thread that called it. Each must have run on the injected
 * background executor's threads; the FX thread must not have thrown (the history accessor refuses the FX thread).
 */
@ExtendWith(ApplicationExtension.class)
@GuiTest
class GuiThreadingTest {

    private static final String BACKGROUND = "checked-background-";

    @TempDir
    static Path dir;
    /** Service name → the threads it was called on. */
    private final ConcurrentHashMap<String, List<String>> calls = new ConcurrentHashMap<>();
    private final List<Throwable> fxThrew = new CopyOnWriteArrayList<>();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService pool;
    private MainWindow window;

    private void called(String service) {
        String thread = Thread.currentThread().getName() + (Platform.isFxApplicationThread() ? " (FX)" : "");
        calls.computeIfAbsent(service, s -> new CopyOnWriteArrayList<>()).add(thread);
    }

    @Start
    void start(Stage stage) {
        // Whatever the FX thread throws (the history accessor's refusal included) is recorded here.
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> fxThrew.add(e));
        Path historyFile = dir.resolve("history-" + System.nanoTime() + ".db");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        UiServices services = new UiServices(request -> {
            called("scan");
            return Fixtures.labAudit();
        }, scan -> {
            called("rules");
            return RuleEngine.audit(scan).findings();
        }, os -> Optional.empty(), Fixtures.realReplays(), Fixtures.realProbes(), Fixtures.realMatrix(List.of()), () -> {
            called("history");
            return HistoryStore.open(historyFile);
        }, Fixtures.SELF_UID, Fixtures.HOST_OS);
        pool = UiThreads.pool("checked-background");
        window = new MainWindow(services, new UiThreads(pool, Platform::runLater), opened::add);
        stage.setScene(SocketInspectorApp.scene(window));
        stage.show();
    }

    @AfterEach
    void close() {
        window.close();
        pool.shutdownNow();
    }

    @Test
    void everyFileAndDatabaseCallRunsOnTheBackgroundExecutor(FxRobot robot) throws Exception {
        window.live().start(Platform::runLater);
        Fixtures.waitUntil("the first live scan", () -> window.live().sockets().auditProperty().get() != null);

        Path capture = Path.of(getClass().getResource("zh-netstat-ano.txt").toURI());
        robot.interact(() -> window.openCapture(capture));
        Fixtures.waitUntil("the capture's tab", () -> window.tabs().getTabs().size() == 5);
        Path junk = dir.resolve("junk.txt");
        Files.writeString(junk, "not a capture\n");
        robot.interact(() -> window.openCapture(junk));
        closeMessage(robot, "Cannot open junk.txt");

        robot.interact(() -> window.tabs().getSelectionModel().select(0));
        robot.interact(window::saveSnapshot);
        closeMessage(robot, "Save snapshot");
        robot.interact(window::saveSnapshot);
        closeMessage(robot, "Save snapshot");

        robot.clickOn("History");
        TableView<?> history = robot.lookup("#history-table").queryTableView();
        Fixtures.waitUntil("two snapshots", () -> history.getItems().size() == 2);
        robot.interact(() -> history.getSelectionModel().select(0));
        robot.clickOn("#history-open-snapshot");
        Fixtures.waitUntil("the snapshot's tab", () -> window.tabs().getTabs().size() == 6);
        robot.clickOn("History");
        robot.interact(() -> history.getSelectionModel().selectAll());
        robot.clickOn("#history-compare");
        Fixtures.waitUntil("the diff", () -> robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Label l
                && l.getText() != null && l.getText().startsWith("What changed between S")).tryQuery().isPresent());

        robot.interact(() -> window.tabs().getSelectionModel().select(0));
        robot.interact(window::openExport);
        Fixtures.waitUntil("the snapshots among the export scopes",
                () -> robot.lookup("#export-scope").queryComboBox().getItems().size() >= 4);
        Path out = dir.resolve("export.html");
        robot.interact(() -> {
            robot.lookup("#export-output").queryAs(TextField.class).setText(out.toString());
            robot.lookup("#export-experiments").queryAs(CheckBox.class).setSelected(true);
        });
        robot.clickOn("#export-button");
        Fixtures.waitUntil("the written report", () -> !opened.isEmpty());
        assertThat(Files.readString(out)).contains("lab-host");

        assertThat(fxThrew).as("thrown on the FX thread").isEmpty();
        assertThat(calls.keySet()).containsExactlyInAnyOrder("scan", "rules", "history");
        calls.forEach((service, threads) -> assertThat(threads).as(service).allMatch(t -> t.startsWith(BACKGROUND)));
        assertThat(calls.get("history")).as("the database is opened once").hasSize(1);
    }

    private static void closeMessage(FxRobot robot, String header) {
        Fixtures.waitUntil("the message \"" + header + "\"", () -> robot.lookup(".dialog-pane .header-panel .label")
                .tryQuery().map(l -> header.equals(((javafx.scene.control.Label) l).getText())).orElse(false));
        robot.clickOn("OK");
        Fixtures.waitUntil("the message closed", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
    }
}
