package org.socketinspector.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.model.Family;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.RuleEngine;
import org.socketinspector.testing.GuiTest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14 in the GUI: a local user names their process with U+202E (which would show "evil\u202Etxt.exe" as
 * "evilexe.txt") and ESC, and puts a newline and a fake line in its command line. The table, the details panel and
 * the findings show these escaped, as the CLI does, never raw.
 */
@ExtendWith(ApplicationExtension.class)
@GuiTest
class HostileTextGuiTest {

    private static final String NAME = "evil\u202Etxt.exe\u001b[2J";
    private static final String NAME_SHOWN = "evil\\u202Etxt.exe\\x1B[2J";
    private static final String COMMAND = "evil --serve\nroot 1 /sbin/init";
    private static final String COMMAND_SHOWN = "evil --serve\\x0Aroot 1 /sbin/init";

    @TempDir
    static java.nio.file.Path tempDir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        java.nio.file.Path history = tempDir.resolve("history-" + System.nanoTime() + ".db");
        UiServices services = new UiServices(request -> Fixtures.labAudit(), scan -> RuleEngine.audit(scan).findings(),
                os -> Optional.of(org.socketinspector.semantics.BindSemantics.forOs(os)), Fixtures.realReplays(), Fixtures.realProbes(), Fixtures.realMatrix(List.of()),
                () -> org.socketinspector.store.HistoryStore.open(history), Fixtures.SELF_UID, Fixtures.HOST_OS);
        window = new MainWindow(services, Fixtures.THREADS, url -> { });
        stage.setScene(SocketInspectorApp.scene(window));
        stage.show();
    }

    @AfterEach
    void closeWindow() {
        window.close();
    }

    @Test
    void aHostileProcessNameShowsEscapedInTheTableAndTheDetails(FxRobot robot) throws Exception {
        // Listening on every address with SO_REUSEPORT under another user's uid: findings that quote the name.
        SocketRecord evil = new SocketRecord(Protocol.TCP, Family.IPV4, "0.0.0.0", 8080, null, null, "LISTEN", null, 4242,
                new ProcessInfo(NAME, "/tmp/" + NAME, COMMAND, "mallory\u202E", 1001, List.of()), 1001, 987654L,
                new SocketOptions(true, true, null, null), null);
        List<SocketRecord> sockets = new ArrayList<>(Fixtures.listeners(2, "LISTEN").scan().sockets());
        sockets.add(evil);
        Audit audit = RuleEngine.audit(Fixtures.scan(sockets));
        WaitForAsyncUtils.asyncFx(() -> window.live().show(audit));
        WaitForAsyncUtils.waitForFxEvents();

        Fixtures.waitUntil("the escaped name in the process column", () -> robot.lookup("#socket-table .table-cell")
                .queryAll().stream().anyMatch(n -> n instanceof TableCell<?, ?> c && NAME_SHOWN.equals(c.getText())));
        assertThat(onFx(() -> texts(robot.lookup("#socket-table").query()))).as("every cell of the table")
                .isNotEmpty().noneMatch(HostileTextGuiTest::raw);

        Node row = robot.lookup(".table-row-cell").match((Node n) -> n instanceof javafx.scene.control.TableRow<?> r
                && r.getItem() instanceof org.socketinspector.ui.sockets.SocketRow s && s.process().equals(NAME))
                .query();
        robot.clickOn(row);
        Fixtures.waitUntil("the details of the hostile socket", () -> robot.lookup("#field-name").tryQuery().isPresent());
        assertThat(robot.lookup("#field-name").queryAs(Label.class).getText()).isEqualTo(NAME_SHOWN);
        assertThat(robot.lookup("#field-command-line").queryAs(Label.class).getText()).isEqualTo(COMMAND_SHOWN);
        assertThat(robot.lookup("#field-executable").queryAs(Label.class).getText()).isEqualTo("/tmp/" + NAME_SHOWN);
        List<String> details = onFx(() -> texts(robot.lookup("#details-panel").query()));
        assertThat(details).as("the details panel, findings included").noneMatch(HostileTextGuiTest::raw)
                .anyMatch(t -> t.contains("mallory\\u202E"));
        assertThat(audit.findings().stream().map(f -> f.title() + f.explanation()).toList())
                .as("the findings quote the raw name, so the panel's escaping is what keeps them safe")
                .anyMatch(t -> t.contains(NAME) || t.contains("mallory\u202E"));
    }

    @Test
    void aWhatIfAskedAboutAHostileSocketShowsItsUserEscaped(FxRobot robot) throws Exception {
        SocketRecord evil = new SocketRecord(Protocol.TCP, Family.IPV4, "127.0.0.1", 8080, null, null, "LISTEN", null, 4242,
                new ProcessInfo(NAME, "/tmp/" + NAME, COMMAND, "mallory\u202E", 1001, List.of()), 1001, 987654L,
                new SocketOptions(true, true, null, null), null);
        Audit audit = RuleEngine.audit(Fixtures.scan(List.of(evil)));
        WaitForAsyncUtils.asyncFx(() -> window.live().show(audit));
        WaitForAsyncUtils.waitForFxEvents();
        Fixtures.waitUntil("the hostile row", () -> robot.lookup(".table-row-cell").match((Node n) ->
                n instanceof javafx.scene.control.TableRow<?> r && r.getItem() != null).tryQuery().isPresent());
        Node row = robot.lookup(".table-row-cell").match((Node n) -> n instanceof javafx.scene.control.TableRow<?> r
                && r.getItem() != null).query();
        // Monocle sends no ContextMenuEvent for a secondary click (MainWindowGuiTest.requestContextMenu): send it.
        javafx.geometry.Bounds b = row.localToScreen(row.getBoundsInLocal());
        robot.interact(() -> javafx.event.Event.fireEvent(row, new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 2, 2, b.getMinX() + 2, b.getMinY() + 2,
                false, null)));
        robot.clickOn("What if another socket binds here…");
        Fixtures.waitUntil("the what-if dialog's answer", () -> robot.lookup("#whatif-explanation").tryQuery().isPresent());
        // The same user joining with SO_REUSEPORT: the model's explanation names that user.
        robot.interact(() -> {
            robot.lookup("#whatif-second-user").queryAs(javafx.scene.control.TextField.class).setText("mallory\u202E");
            robot.lookup("#whatif-second-reuseport").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
        });
        Fixtures.waitUntil("the answer for the same user", () -> robot.lookup("#whatif-explanation").queryAs(Label.class)
                .getText().contains("same user"));

        List<String> shown = onFx(() -> texts(robot.lookup("#whatif-dialog").query()));
        try {
            assertThat(shown).as("every label of the what-if dialog").isNotEmpty().noneMatch(HostileTextGuiTest::raw)
                    .anyMatch(t -> t.contains("mallory\\u202E"));
        } finally {
            robot.interact(() -> robot.lookup("#whatif-dialog").query().getScene().getWindow().hide());
        }
    }

    private static boolean raw(String text) {
        return text.indexOf('\u202E') >= 0 || text.indexOf('\u001b') >= 0 || text.indexOf('\n') >= 0;
    }

    /** The text of every labelled node under {@code root} (labels, cells, links). */
    private static List<String> texts(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
        if (node instanceof javafx.scene.control.ScrollPane s && s.getContent() != null) {
            collect(s.getContent(), out);
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(15, TimeUnit.SECONDS);
    }
}
