package org.socketinspector.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketinspector.collect.CollectionException;
import org.socketinspector.testing.GuiTest;
import org.socketinspector.ui.live.ScanService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The live view's empty and error states: a failing scan is said above the table and the next success clears it. */
@ExtendWith(ApplicationExtension.class)
@GuiTest
class LiveErrorGuiTest {

    private MainWindow window;
    private final AtomicBoolean failing = new AtomicBoolean(true);

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ScanService flaky = request -> {
            if (failing.get()) {
                throw new CollectionException("netlink: Operation not permitted");
            }
            return Fixtures.labAudit();
        };
        window = new MainWindow(new UiServices(flaky, scan -> List.of(), os -> Optional.empty(), Fixtures.realReplays(),
                Fixtures.realProbes(), Fixtures.realMatrix(List.of()),
                () -> {
                    // What the store throws for a file it cannot use (a bug, e.g. IllegalStateException, would be
                    // reported as an internal error instead).
                    throw new org.socketinspector.store.StoreException("no history in this test");
                }, Fixtures.SELF_UID, Fixtures.HOST_OS), Fixtures.THREADS, url -> { });
        stage.setScene(SocketInspectorApp.scene(window));
        stage.show();
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void aFailingScanIsShownAndTheNextGoodOneClearsIt(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#table-placeholder").queryAs(Label.class).getText()).isEqualTo("Scanning…");
        window.live().start(Platform::runLater);
        // The banner and the placeholder change in one FX pulse; this thread may look between the two, so wait for both.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#error-banner").queryAs(Label.class).isVisible()
                && robot.lookup("#table-placeholder").queryAs(Label.class).getText().startsWith("No scan yet"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#error-banner").queryAs(Label.class).getText())
                .isEqualTo("Scan failed: netlink: Operation not permitted — retrying every 2 s; the table shows the last good scan.");
        assertThat(robot.lookup("#table-placeholder").queryAs(Label.class).getText()).startsWith("No scan yet: Scan failed");

        failing.set(false);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#error-banner").queryAs(Label.class).isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#socket-table").queryTableView().getItems()).hasSize(9);
    }

    @Test
    void theHistoryTabSaysWhyItCannotOpenTheDatabase(FxRobot robot) {
        robot.clickOn("History");
        Fixtures.waitUntil("the history's error", () -> window.historyModel().errorProperty().get() != null);
        assertThat(window.historyModel().errorProperty().get()).isEqualTo("Cannot read the history: no history in this test");
        assertThat(robot.lookup(n -> n instanceof Label l && "Cannot read the history: no history in this test".equals(l.getText()))
                .tryQuery()).isPresent();
    }
}
