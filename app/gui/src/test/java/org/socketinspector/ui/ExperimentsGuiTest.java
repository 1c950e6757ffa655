package org.socketinspector.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.collect.Platforms;
import org.socketinspector.model.OsKind;
import org.socketinspector.collect.Platform;
import org.socketinspector.experiment.HelperLauncher;
import org.socketinspector.experiment.Users;
import org.socketinspector.model.Family;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.QuestionSpace;
import org.socketinspector.sockets.NativeSockets;
import org.socketinspector.model.SocketOption;
import org.socketinspector.store.HistoryFilter;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.ui.experiments.ExperimentsViewModel.State;
import org.socketinspector.ui.sockets.SocketRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.socketinspector.testing.GuiTest;

/**
 * The Experiments tab headless (TestFX + Monocle) with real experiments on loopback: a probe set up from the live
 * table's context menu, confirmed and run against a listener this test opens; the full bind matrix started,
 * followed and cancelled.
 */
@ExtendWith(ApplicationExtension.class)
@GuiTest
class ExperimentsGuiTest {

    @TempDir
    static Path tempDir;
    private Path historyFile;
    private MainWindow window;
    private NativeSockets sockets;
    private long listener = -1;

    @Start
    void start(Stage stage) {
        historyFile = tempDir.resolve("history-" + System.nanoTime() + ".db");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        UiServices services = new UiServices(request -> Fixtures.labAudit(),
                scan -> org.socketinspector.rules.RuleEngine.audit(scan).findings(),
                os -> Optional.of(BindSemantics.forOs(os)), Fixtures.realReplays(), Fixtures.realProbes(),
                Fixtures.realMatrix(QuestionSpace.linux()), () -> HistoryStore.open(historyFile), Fixtures.SELF_UID, Fixtures.HOST_OS);
        window = new MainWindow(services, Fixtures.THREADS, url -> { });
        stage.setScene(SocketInspectorApp.scene(window));
        stage.setWidth(1200);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void close() {
        window.close();
        if (listener >= 0) {
            sockets.close(listener);
        }
    }

    /** A REUSEPORT listener of this process on 127.0.0.1, shown in the live table as a scan would show it. */
    private SocketRecord showListener() throws Exception {
        sockets = Fixtures.PLATFORM.sockets();
        listener = sockets.open(Protocol.TCP, Family.IPV4);
        sockets.setOption(listener, SocketOption.REUSEPORT, true);
        sockets.bind(listener, "127.0.0.1", 0);
        sockets.listen(listener, 8);
        int self = Fixtures.SELF_UID;
        SocketRecord socket = new SocketRecord(Protocol.TCP, Family.IPV4, "127.0.0.1", sockets.localPort(listener), null,
                null, SocketRecord.LISTEN, null, (int) ProcessHandle.current().pid(),
                new ProcessInfo("probe-target", null, null, Users.name(self), self, List.of()), self, null,
                new SocketOptions(false, true, null, null), null);
        // With its findings, as the live view shows a scan: a probe speaks only to a finding raised for its socket.
        Audit audit = org.socketinspector.rules.RuleEngine.audit(Fixtures.scan(List.of(socket)));
        WaitForAsyncUtils.asyncFx(() -> window.live().show(audit));
        WaitForAsyncUtils.waitForFxEvents();
        return socket;
    }

    @Test
    void theContextMenuSetsUpAProbeThatAsksFirstThenBindsAndSaysWhatItMeans(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Platforms.thisOs() == OsKind.LINUX, "probes of a real listener need Linux sockets here");
        SocketRecord socket = showListener();
        int port = socket.localPort();
        javafx.scene.Node row = robot.lookup(".table-row-cell").match((javafx.scene.Node n) ->
                n instanceof javafx.scene.control.TableRow<?> r && r.getItem() instanceof SocketRow).query();
        // Monocle never turns a secondary click into a ContextMenuEvent: send the one a desktop would.
        javafx.geometry.Bounds b = row.localToScreen(row.getBoundsInLocal());
        robot.interact(() -> javafx.event.Event.fireEvent(row, new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 2, 2, b.getMinX() + 2, b.getMinY() + 2,
                false, null)));
        robot.clickOn("Probe this port…");

        assertThat(window.tabs().getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-experiments");
        assertThat(robot.lookup("#probe-address").queryAs(TextField.class).getText()).isEqualTo("127.0.0.1");
        assertThat(robot.lookup("#probe-port").queryAs(TextField.class).getText()).isEqualTo(Integer.toString(port));
        assertThat(robot.lookup("#probe-source").queryAs(Label.class).getText())
                .startsWith("From the live table: tcp 127.0.0.1:" + port + " of probe-target");
        robot.clickOn("#probe-option-reuseport");

        robot.clickOn("#probe-run");
        assertThat(robot.lookup("#probe-confirmation .content").queryLabeled().getText())
                .contains("• set SO_REUSEPORT on it;\n  • bind it to 127.0.0.1:" + port
                        + ", the address and port of probe-target (pid " + ProcessHandle.current().pid()
                        + "), and close it at once.")
                .contains("never listens and sends nothing");
        robot.clickOn("Cancel");
        assertThat(window.probe().stateProperty().get()).isEqualTo(State.READY);

        robot.clickOn("#probe-run");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.probe().stateProperty().get() == State.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#probe-verdict").queryAs(Label.class).getText())
                .isEqualTo("Bound: the probe socket got 127.0.0.1:" + port + " (closed at once)");
        assertThat(robot.lookup("#probe-attacker").queryAs(Label.class).getText()).contains("can bind 127.0.0.1:" + port);
        assertThat(robot.lookup("#probe-prediction").queryAs(Label.class).getText())
                .startsWith("Predicted: shares — agrees with the kernel.");
        assertThat(robot.lookup("#probe-finding").queryAs(Label.class).getText()).startsWith("Confirms LINUX-REUSEPORT-GROUP");
        assertThat(robot.lookup("#probe-message").queryAs(Label.class).getText()).contains("stored in the history as E");

        // The service was not disturbed: it still accepts.
        long client = sockets.open(Protocol.TCP, Family.IPV4);
        try {
            sockets.connect(client, "127.0.0.1", port);
            long accepted = sockets.accept(listener, 1000);
            assertThat(accepted).isNotNegative();
            sockets.close(accepted);
        } finally {
            sockets.close(client);
        }
    }

    @Test
    void theMatrixShowsItsSizeFollowsTheRunAndACancelKeepsThePartialRun(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Platforms.thisOs() == OsKind.LINUX, "the Linux matrix needs Linux sockets");
        robot.clickOn("Experiments");
        robot.clickOn("#kind-matrix");
        assertThat(robot.lookup("#matrix-description").queryAs(Label.class).getText()).startsWith("6,912 cells for linux");
        assertThat(robot.lookup("#matrix-done").queryAs(Label.class).getText()).isEqualTo("0 / 6,912 cells");

        robot.clickOn("#matrix-run");
        assertThat(robot.lookup("#matrix-confirmation .content").queryLabeled().getText()).contains("4 cells run at once");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.matrix().doneProperty().get() >= 8);
        assertThat(robot.lookup("#matrix-progress").queryAs(ProgressBar.class).getProgress()).isGreaterThan(0);
        robot.clickOn("#matrix-cancel");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.matrix().stateProperty().get() == State.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();

        int done = window.matrix().doneProperty().get();
        assertThat(done).isBetween(8, 6911);
        assertThat(robot.lookup("#matrix-done").queryAs(Label.class).getText()).endsWith(" / 6,912 cells");
        assertThat(robot.lookup("#matrix-progress").queryAs(ProgressBar.class).getProgress()).isEqualTo(done / 6912.0);
        assertThat(robot.lookup("#matrix-counts").queryAs(Label.class).getText()).contains("not measured")
                .contains("(stopped)");
        assertThat(robot.lookup("#matrix-message").queryAs(Label.class).getText())
                .startsWith("stopped early (cancelled: cancelled by the user)").contains("stored in the history as E");
        TableView<?> disagreements = robot.lookup("#matrix-disagreements").queryTableView();
        assertThat(disagreements.getItems()).isEmpty();
        assertThat(disagreements.isVisible()).as("no empty table, the verdict says none").isFalse();
        assertThat(robot.lookup("#matrix-verdict").queryAs(Label.class).getText()).isEqualTo(String.format(
                java.util.Locale.ROOT, "Disagreements: none. All %,d measured cells agree with the model (the run"
                        + " stopped early).", window.matrix().resultProperty().get().ran()));
        assertThat(robot.lookup("#matrix-skipped .label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(s -> s.startsWith("• ") && s.endsWith("cells: cancelled: cancelled by the user"));
        assertThat(HelperLauncher.livePids()).isEmpty();
        try (HistoryStore store = HistoryStore.open(historyFile)) {
            assertThat(store.count(HistoryFilter.experiments().withKind("matrix"))).isEqualTo(1);
        }
    }
}
