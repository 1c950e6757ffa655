package org.socketinspector.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.lesson.ClassroomCase;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.testing.GuiTest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Classroom tab headless (TestFX + Monocle) on the real bind-semantics models, animations off. */
@ExtendWith(ApplicationExtension.class)
@GuiTest
class ClassroomGuiTest {

    @TempDir
    static Path tempDir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Path historyFile = tempDir.resolve("history-" + System.nanoTime() + ".db");
        UiServices services = new UiServices(request -> Fixtures.labAudit(),
                scan -> org.socketinspector.rules.RuleEngine.audit(scan).findings(),
                os -> Optional.of(BindSemantics.forOs(os)), Fixtures.realReplays(), Fixtures.realProbes(),
                Fixtures.realMatrix(java.util.List.of()), () -> HistoryStore.open(historyFile), Fixtures.SELF_UID, Fixtures.HOST_OS);
        window = new MainWindow(services, Fixtures.THREADS, url -> { });
        window.classroomView().setPace(Duration.ZERO, Duration.ZERO);
        stage.setScene(SocketInspectorApp.scene(window));
        stage.show();
    }

    @AfterEach
    void close() {
        window.close();
    }

    /**
     * Chooses the case through the combo box's own selection, on the FX thread, and leaves the focus in the lesson
     * (on the combo box) so that keys reach its filter. Clicking an item of the open popup is not what these tests
     * are about, and under load the popup's list can still move under the pointer and pick a neighbour.
     */
    private void pick(FxRobot robot, String preset) {
        robot.clickOn("Classroom");
        String label = preset + " (" + org.socketinspector.lesson.ReplayPreset.named(preset).orElseThrow().os().wireName() + ")";
        javafx.scene.control.ComboBox<Object> cases = robot.lookup("#classroom-case").queryComboBox();
        robot.interact(() -> {
            cases.getItems().stream().filter(c -> label.equals(cases.getConverter().toString(c))).findFirst()
                    .ifPresentOrElse(cases::setValue, () -> { throw new AssertionError("no case " + label); });
            cases.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> cases.getConverter().toString(cases.getValue()))).isEqualTo(label);
    }

    /** A label's text, read on the FX thread: while connections travel, the drawing's nodes change there. */
    private static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static int dots(FxRobot robot) {
        return onFx(() -> robot.lookup(".classroom-dot").queryAll().size());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("reading the scene on the FX thread failed", e);
        }
    }

    private static int count(FxRobot robot, String id) {
        return Integer.parseInt(text(robot, id).replace("received: ", ""));
    }

    @Test
    void nextWalksThroughAReusePortShareUpToItsFindingAndRemediation(FxRobot robot) {
        pick(robot, "linux-reuseport-share");
        assertThat(text(robot, "#classroom-progress")).isEqualTo("Step 1 of 6");
        assertThat(text(robot, "#classroom-narration")).isEqualTo(
                "alice's service starts and binds TCP 127.0.0.1:8080 with reuseport.");
        assertThat(text(robot, "#classroom-attacker-status")).isEqualTo("not started yet");

        robot.clickOn("#classroom-next").clickOn("#classroom-next");
        assertThat(text(robot, "#classroom-progress")).isEqualTo("Step 3 of 6");
        assertThat(text(robot, "#classroom-title")).isEqualTo("The attacker's bind is allowed");
        assertThat(text(robot, "#classroom-attacker-status")).isEqualTo("bound ✔");
        assertThat(text(robot, "#classroom-victim-status")).isEqualTo("listening ✔");

        robot.clickOn("#classroom-next").clickOn("#classroom-next");
        assertThat(text(robot, "#classroom-title")).isEqualTo("Clients connect to 127.0.0.1:8080");
        int victim = count(robot, "#classroom-victim-count");
        int attacker = count(robot, "#classroom-attacker-count");
        assertThat(victim + attacker).isEqualTo(10);
        assertThat(victim).isPositive();
        assertThat(attacker).isPositive();
        assertThat(text(robot, "#classroom-narration")).contains("a hash decides").contains(attacker + " to the attacker");

        robot.clickOn("#classroom-next");
        assertThat(robot.lookup("#classroom-conclusion").query().isVisible()).isTrue();
        assertThat(text(robot, "#classroom-rule")).startsWith("LINUX-REUSEPORT-GROUP — ");
        assertThat(text(robot, "#classroom-remediation")).startsWith("Remediation: Drop SO_REUSEPORT");
        assertThat(text(robot, "#classroom-narration")).contains("LINUX-REUSEPORT-GROUP");

        robot.clickOn("#classroom-next");
        assertThat(text(robot, "#classroom-progress")).as("Next at the end stays there").isEqualTo("Step 6 of 6");
        robot.clickOn("#classroom-restart");
        assertThat(text(robot, "#classroom-progress")).isEqualTo("Step 1 of 6");
        assertThat(robot.lookup("#classroom-conclusion").query().isVisible()).isFalse();
    }

    @Test
    void theKeyboardTeachesAWindowsControlOnAnyOs(FxRobot robot) {
        pick(robot, "windows-exclusive-control");
        robot.type(KeyCode.RIGHT, 2);
        assertThat(text(robot, "#classroom-attacker-status")).isEqualTo("bind refused: WSAEACCES ✘");
        assertThat(text(robot, "#classroom-narration")).contains("refused with WSAEACCES");
        robot.type(KeyCode.RIGHT);
        assertThat(text(robot, "#classroom-title")).isEqualTo("Clients connect to 127.0.0.1:8080");
        assertThat(count(robot, "#classroom-victim-count")).isEqualTo(10);
        assertThat(count(robot, "#classroom-attacker-count")).isZero();
        robot.type(KeyCode.LEFT);
        assertThat(text(robot, "#classroom-progress")).isEqualTo("Step 3 of 5");
        assertThat(robot.lookup("#classroom-replay").queryAs(Button.class).isVisible())
                .as("a Windows case is not replayed on " + Fixtures.HOST_OS.wireName())
                .isEqualTo(Fixtures.HOST_OS == OsFamily.WINDOWS);
    }

    @Test
    void projectorModeEnlargesTheNarrationAndTheDrawing(FxRobot robot) {
        pick(robot, "localhost-family-shadow");
        Label narration = robot.lookup("#classroom-narration").queryAs(Label.class);
        double normalFont = narration.getFont().getSize();
        double normalScale = window.classroomView().drawingScale();

        robot.clickOn("#classroom-projector");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(narration.getFont().getSize()).isGreaterThan(normalFont * 1.4);
        assertThat(window.classroomView().drawingScale()).isGreaterThanOrEqualTo(normalScale);

        robot.clickOn("#classroom-projector");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(narration.getFont().getSize()).isEqualTo(normalFont);
    }

    @Test
    void playAdvancesToTheEndAndStops(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.classroomView().setPace(Duration.millis(30), Duration.millis(20)));
        WaitForAsyncUtils.waitForFxEvents();
        pick(robot, "localhost-family-shadow");
        robot.clickOn("#classroom-play");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#classroom-progress").equals("Step 6 of 6"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#classroom-rule")).startsWith("LOCALHOST-FAMILY-SHADOW");
        assertThat(text(robot, "#classroom-card-counts")).startsWith("Service received 0, attacker 10");
        assertThat(robot.lookup("#classroom-play").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isFalse();
    }

    @Test
    void theCountersRunAsTheConnectionsArrive(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.classroomView().setPace(Duration.ZERO, Duration.millis(400)));
        WaitForAsyncUtils.waitForFxEvents();
        pick(robot, "localhost-family-shadow");
        robot.type(KeyCode.RIGHT, 4);
        assertThat(text(robot, "#classroom-title")).isEqualTo("Clients connect to [::1]:8080");
        assertThat(count(robot, "#classroom-attacker-count")).as("the last connection is still on its way").isLessThan(10);
        assertThat(dots(robot)).isPositive();

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> count(robot, "#classroom-attacker-count") == 10);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(count(robot, "#classroom-victim-count")).isZero();
        assertThat(dots(robot)).as("every dot arrived").isZero();
    }

    @Test
    void aCaseOfThisOsIsHandedToTheExperimentsTabToReplayForReal(FxRobot robot) {
        Assumptions.assumeTrue(Fixtures.HOST_OS == OsFamily.LINUX, "the plain control is a Linux preset");
        pick(robot, "plain-control");
        robot.clickOn("#classroom-replay");
        assertThat(window.tabs().getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-experiments");
        assertThat(window.experiments().request().preset()).isEqualTo("plain-control");
    }

    @Test
    void aWhatIfQuestionCanBeTaughtToo(FxRobot robot) {
        robot.clickOn("Classroom");
        WaitForAsyncUtils.asyncFx(() -> window.classroom().show(ClassroomCase.of(new org.socketinspector.semantics.BindQuestion(
                OsFamily.WINDOWS, org.socketinspector.model.Protocol.TCP,
                new org.socketinspector.semantics.BindEndpoint("0.0.0.0", java.util.Set.of(), "www",
                        org.socketinspector.semantics.BindState.LISTEN),
                new org.socketinspector.semantics.BindEndpoint("127.0.0.1", java.util.Set.of(), "www",
                        org.socketinspector.semantics.BindState.BOUND)))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#classroom-description")).startsWith("What if www binds 127.0.0.1");
        assertThat(text(robot, "#classroom-progress")).isEqualTo("Step 1 of 6");
        robot.type(KeyCode.RIGHT, 4);
        assertThat(count(robot, "#classroom-attacker-count")).isEqualTo(10);
    }
}
