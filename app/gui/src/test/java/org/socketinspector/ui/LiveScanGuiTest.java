package org.socketinspector.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketinspector.collect.Platforms;
import org.socketinspector.model.OsKind;
import org.socketinspector.ui.sockets.SocketRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.socketinspector.testing.GuiTest;

/** The main window on the real services: this machine's live sockets, scanned every 2 s on the scan thread. */
@ExtendWith(ApplicationExtension.class)
@GuiTest
class LiveScanGuiTest {

    private MainWindow window;
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path tempDir;
    private java.nio.file.Path historyFile;
    private ServerSocket listener;

    @Start
    void start(Stage stage) throws Exception {
        historyFile = tempDir.resolve("history-" + System.nanoTime() + ".db");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        UiServices real = LiveServices.create(Fixtures.PLATFORM);
        window = new MainWindow(new UiServices(real.scans(), real.rules(), real.semantics(), real.experiments(),
                real.probes(), real.matrix(),
                () -> org.socketinspector.store.HistoryStore.open(historyFile), real.selfUid(), real.hostOs()), Fixtures.THREADS, url -> { });
        stage.setScene(SocketInspectorApp.scene(window));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        listener.close();
    }

    @Test
    void ourOwnListenerAppearsWithThisProcessAsOwner(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Platforms.thisOs() == OsKind.LINUX, "live scans run on Linux so far (collect.Platform)");
        window.live().start(Platform::runLater);
        @SuppressWarnings("unchecked")
        TableView<SocketRow> table = robot.lookup("#socket-table").queryAs(TableView.class);
        int port = listener.getLocalPort();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> table.getItems().stream().anyMatch(r -> r.socket().localPort() == port)
                        && window.live().sockets().auditProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        SocketRow ours = table.getItems().stream().filter(r -> r.socket().localPort() == port).findFirst().orElseThrow();
        assertThat(ours.socket().pid()).isEqualTo((int) ProcessHandle.current().pid());
        assertThat(ours.state()).isEqualTo("LISTEN");
        // The JDK opens a dual-stack IPv6 socket where it can: the kernel then reports the v4-mapped address.
        assertThat(ours.socket().localAddress()).isIn("127.0.0.1", "::ffff:127.0.0.1");
        if (window.live().sockets().auditProperty().get().scan().privileged()) {
            // The JDK sets SO_REUSEADDR on every ServerSocket on Linux; a privileged scan reads it from the socket.
            assertThat(ours.flags()).contains("reuseaddr");
        }
        assertThat(robot.lookup("#status-line").queryAs(Label.class).getText()).contains("Source: netlink");

        // The next periodic scan keeps the same row object (updated in place) and the selection.
        robot.interact(() -> table.getSelectionModel().select(ours));
        AtomicInteger shown = new AtomicInteger();
        robot.interact(() -> window.live().sockets().auditProperty().addListener((o, was, now) -> shown.incrementAndGet()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shown.get() >= 1);
        assertThat(table.getSelectionModel().getSelectedItem()).isSameAs(ours);
        assertThat(robot.lookup("#details-title").queryAs(Label.class).getText()).isEqualTo("TCP " + ours.localEndpoint());
    }
}
