package org.socketinspector.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.semantics.BindAnswer;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.Outcome;
import org.socketinspector.ui.sockets.SocketRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.socketinspector.testing.GuiTest;

/** The main window headless (TestFX + Monocle), on scans read from the JSON contract. */
@ExtendWith(ApplicationExtension.class)
@GuiTest
class MainWindowGuiTest {

    private MainWindow window;
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path tempDir;
    private java.nio.file.Path historyFile;
    private final List<BindQuestion> asked = new ArrayList<>();
    private final List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        historyFile = tempDir.resolve("history-" + System.nanoTime() + ".db");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        BindSemantics echo = new BindSemantics() {
            @Override
            public OsFamily os() {
                return OsFamily.LINUX;
            }

            @Override
            public BindAnswer answer(BindQuestion question) {
                asked.add(question);
                return new BindAnswer(Outcome.STEALS, null, null, "the newcomer gets it", List.of("a source"));
            }
        };
        UiServices services = new UiServices(request -> Fixtures.labAudit(),
                scan -> org.socketinspector.rules.RuleEngine.audit(scan).findings(), os -> Optional.of(echo),
                Fixtures.realReplays(), Fixtures.realProbes(), Fixtures.realMatrix(java.util.List.of()), () -> org.socketinspector.store.HistoryStore.open(historyFile), Fixtures.SELF_UID, Fixtures.HOST_OS);
        window = new MainWindow(services, Fixtures.THREADS, opened::add);
        stage.setScene(SocketInspectorApp.scene(window));
        stage.show();
    }

    @AfterEach
    void closeWindow() {
        window.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<SocketRow> table(FxRobot robot) {
        return robot.lookup("#socket-table").queryAs(TableView.class);
    }

    private void show(Audit audit) {
        WaitForAsyncUtils.asyncFx(() -> window.live().show(audit));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theTableShowsTheScanWithItsSeverityColumnAndStatusLine(FxRobot robot) {
        show(Fixtures.labAudit());
        TableView<SocketRow> table = table(robot);

        assertThat(table.getItems()).hasSize(9);
        assertThat(robot.lookup(".severity-high").tryQuery()).isPresent();
        assertThat(robot.lookup("#status-line").queryAs(Label.class).getText())
                .contains("Source: netlink").contains("not privileged").contains("9 sockets");
        assertThat(robot.lookup("#limitations-link").queryLabeled().getText()).isEqualTo("2 limitations…");
    }

    @Test
    void clickingAHeaderSortsAndClickingAgainReverses(FxRobot robot) {
        show(Fixtures.labAudit());
        TableView<SocketRow> table = table(robot);

        robot.clickOn("Local address");
        assertThat(table.getItems().get(0).localEndpoint()).isEqualTo("0.0.0.0:22");
        assertThat(table.getItems().get(table.getItems().size() - 1).localEndpoint()).isEqualTo("[::1]:631");
        robot.clickOn("Local address");
        assertThat(table.getItems().get(0).localEndpoint()).isEqualTo("[::1]:631");

        robot.clickOn("Risk");
        assertThat(table.getItems().get(0).severity()).isEqualTo(org.socketinspector.rules.Severity.HIGH);
        assertThat(table.getItems().get(table.getItems().size() - 1).severity()).isNull();
    }

    @Test
    void aRefreshKeepsTheSelectionAndTheScrollPosition(FxRobot robot) {
        show(Fixtures.listeners(300, "LISTEN"));
        TableView<SocketRow> table = table(robot);
        WaitForAsyncUtils.asyncFx(() -> {
            table.scrollTo(150);
            table.getSelectionModel().select(160);
        });
        WaitForAsyncUtils.waitForFxEvents();
        SocketRow selected = table.getSelectionModel().getSelectedItem();
        int firstVisible = firstVisibleIndex(robot);
        SocketRow topRow = table.getItems().get(firstVisible);
        assertThat(firstVisible).isGreaterThan(100);

        // The next scan: the selected socket changed state, sockets above and below the viewport vanished,
        // two are new.
        List<SocketRecord> next = new ArrayList<>(Fixtures.listeners(300, "LISTEN").scan().sockets());
        next.set(160, Fixtures.listener(10160, 5160, "CLOSE_WAIT"));
        next.remove(290);
        next.remove(20);
        next.remove(10);
        next.add(Fixtures.listener(30000, 9000, "LISTEN"));
        next.add(Fixtures.listener(30001, 9001, "LISTEN"));
        show(new Audit(Fixtures.scan(next), List.of()));

        assertThat(table.getItems()).hasSize(299);
        assertThat(table.getSelectionModel().getSelectedItem()).isSameAs(selected);
        assertThat(selected.state()).isEqualTo("CLOSE_WAIT");
        assertThat(table.getItems().get(firstVisibleIndex(robot))).as("row at the top of the viewport").isSameAs(topRow);
        assertThat(robot.lookup("#details-title").queryAs(Label.class).getText()).isEqualTo("TCP 127.0.0.1:10160");
        assertThat(robot.lookup("#details-panel").lookup("CLOSE_WAIT").tryQuery()).isPresent();
    }

    private static int firstVisibleIndex(FxRobot robot) {
        AtomicReference<Integer> index = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            IndexedCell<?> cell = robot.lookup("#socket-table .virtual-flow").queryAs(VirtualFlow.class).getFirstVisibleCell();
            index.set(cell.getIndex());
        }));
        return index.get();
    }

    @Test
    void typingInTheFilterNarrowsTheTableAndSaysWhenNothingMatches(FxRobot robot) {
        show(Fixtures.labAudit());
        robot.clickOn("#filter-field").write("cupsd");
        assertThat(table(robot).getItems()).hasSize(2).allMatch(r -> r.process().equals("cupsd"));
        assertThat(robot.lookup("#status-line").queryAs(Label.class).getText()).contains("2 of 9 sockets shown");

        robot.lookup("#filter-field").queryAs(TextField.class);
        robot.clickOn("#filter-field").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("nosuchthing");
        assertThat(table(robot).getItems()).isEmpty();
        assertThat(robot.lookup("#table-placeholder").queryAs(Label.class).getText()).contains("No socket matches “nosuchthing”");
    }

    @Test
    void selectingASocketShowsItsDetailsAndFindings(FxRobot robot) {
        show(Fixtures.labAudit());
        assertThat(robot.lookup("#details-empty").tryQuery()).isPresent();
        assertThat(robot.lookup("Any user can bind ports from 80 up").tryQuery()).as("host finding").isPresent();

        robot.clickOn(row(robot, "postgres"));
        assertThat(robot.lookup("#details-title").queryAs(Label.class).getText()).isEqualTo("TCP 127.0.0.1:5432");
        assertThat(robot.lookup("#field-command-line").queryAs(Label.class).getText())
                .isEqualTo("/usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/15/main");
        assertThat(robot.lookup("postgres listens on 127.0.0.1:5432 but not on [::1]:5432").tryQuery()).isPresent();
        assertThat(robot.lookup("https://www.postgresql.org/docs/current/runtime-config-connection.html").tryQuery()).isPresent();
    }

    @Test
    void theContextMenuOpensWhatIfPrefilledAndTheDialogValidates(FxRobot robot) {
        show(Fixtures.labAudit());
        requestContextMenu(robot, "postgres");
        robot.clickOn("What if another socket binds here…");

        TextField first = robot.lookup("#whatif-first-address").queryAs(TextField.class);
        assertThat(first.getText()).isEqualTo("127.0.0.1");
        assertThat(robot.lookup("#whatif-first-user").queryAs(TextField.class).getText()).isEqualTo("postgres");
        assertThat(robot.lookup("#whatif-first-reuseaddr").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#whatif-verdict").queryAs(Label.class).getText()).startsWith("Steals");

        robot.doubleClickOn("#whatif-second-address").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("not-an-address");
        assertThat(robot.lookup("#whatif-problems").queryAs(Label.class).getText()).contains("is not an IPv4 or IPv6 address");
        assertThat(robot.lookup("#whatif-verdict").tryQuery()).isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("::1");
        robot.clickOn("#whatif-second-v6only");
        assertThat(robot.lookup("#whatif-verdict").tryQuery()).isPresent();
        BindQuestion last = asked.get(asked.size() - 1);
        assertThat(last.second().address()).isEqualTo("::1");
        assertThat(last.first().user()).isEqualTo("postgres");
    }

    /**
     * Monocle turns a secondary click into mouse events but never into the ContextMenuEvent a desktop platform
     * sends, so the test sends that event to the cell the user would right-click.
     */
    private static void requestContextMenu(FxRobot robot, String process) {
        javafx.scene.Node node = row(robot, process);
        javafx.geometry.Bounds b = node.localToScreen(node.getBoundsInLocal());
        robot.interact(() -> javafx.event.Event.fireEvent(node, new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 2, 2, b.getMinX() + 2, b.getMinY() + 2,
                false, null)));
    }

    @Test
    void aCaptureOpensAsATabBesideTheLiveView(FxRobot robot) throws Exception {
        java.nio.file.Path capture = java.nio.file.Path.of(getClass().getResource("zh-netstat-ano.txt").toURI());
        robot.interact(() -> window.openCapture(capture));
        Fixtures.waitUntil("the capture's table", () -> robot.lookup("#tab-capture-content #socket-table").tryQuery().isPresent());

        assertThat(window.tabs().getTabs()).extracting(t -> t.getText())
                .containsExactly("Live", "Experiments", "History", "Classroom", "zh-netstat-ano.txt");
        assertThat(window.tabs().getSelectionModel().getSelectedItem().getText()).isEqualTo("zh-netstat-ano.txt");
        TableView<SocketRow> table = robot.lookup("#tab-capture-content #socket-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(18).anyMatch(r -> r.localEndpoint().equals("127.0.0.1:8087"));
        assertThat(robot.lookup("#tab-capture-content #status-line").queryAs(Label.class).getText())
                .contains("import:netstat-windows").contains("18 sockets");
        // A capture carries no findings: the rule engine adds them, as for a live scan.
        assertThat(table.getItems()).anyMatch(r -> r.severity() != null);
    }

    @Test
    void aCaptureTabListsSkippedLinesAndUnknownAddresses(FxRobot robot) throws Exception {
        java.nio.file.Path capture = java.nio.file.Path.of("../../native-bridge/src/test/resources/captures/variants/"
                + "windows-ano-hand-edited-ipv6.txt");
        robot.interact(() -> window.openCapture(capture));
        // The capture is read off the FX thread: wait for its tab's notes before looking at them.
        Fixtures.waitUntil("the capture's notes", () -> robot.lookup("#tab-capture-content #capture-notes").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        TitledPane notes = robot.lookup("#tab-capture-content #capture-notes-pane").queryAs(TitledPane.class);
        assertThat(notes.getText()).isEqualTo("1 skipped line, 0 addresses unknown (names in capture)");
        ListView<String> list = robot.lookup("#tab-capture-content #capture-notes").queryAs(ListView.class);
        assertThat(list.getItems()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("line 7: skipped: expected an IP address or host name in the local address"));
        TableView<SocketRow> table = robot.lookup("#tab-capture-content #socket-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(4); // every other listener of the file
    }

    @Test
    void aFileThatIsNoCaptureGetsAnErrorNamingIt(FxRobot robot) throws Exception {
        java.nio.file.Path junk = java.nio.file.Files.createTempFile("not-a-capture", ".txt");
        java.nio.file.Files.writeString(junk, "hello\nthis is not netstat output\n");
        try {
            robot.interact(() -> window.openCapture(junk));
            Fixtures.waitUntil("the error dialog", () -> robot.lookup(".dialog-pane .header-panel .label").tryQuery().isPresent());
            assertThat(window.tabs().getTabs()).hasSize(4);
            assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText())
                    .isEqualTo("Cannot open " + junk.getFileName());
        } finally {
            java.nio.file.Files.delete(junk);
        }
    }

    @Test
    void whatIfHandsItsCaseToTheExperimentsTab(FxRobot robot) {
        show(Fixtures.labAudit());
        requestContextMenu(robot, "postgres");
        robot.clickOn("What if another socket binds here…");
        robot.doubleClickOn("#whatif-first-user").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("root");
        robot.clickOn("#whatif-run-experiment");

        assertThat(window.tabs().getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-experiments");
        assertThat(robot.lookup("#custom-case").queryAs(Label.class).getText())
                .isEqualTo("Case from What if…: victim 127.0.0.1 reuseaddr, attacker 127.0.0.1 none");
        assertThat(window.experiments().request().victim().uid()).isZero();
        assertThat(window.experiments().request().attacker().uid()).isEqualTo(65534);
    }

    @Test
    void anExperimentAsksFirstAndRunsOnlyAfterOk(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.socketinspector.collect.Platforms.thisOs()
                == org.socketinspector.model.OsKind.LINUX, "lab replays need Linux sockets here");
        robot.clickOn("Experiments");
        robot.clickOn("plain-control · tcp");
        robot.clickOn("#run-button");
        assertThat(robot.lookup("#experiment-confirmation .content").queryLabeled().getText())
                .contains("binds 127.0.0.1 with no options and listens").contains("Nothing leaves loopback");
        robot.clickOn("Cancel");
        assertThat(window.experiments().stateProperty().get()).isEqualTo(
                org.socketinspector.ui.experiments.ExperimentsViewModel.State.READY);

        robot.clickOn("#run-button");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> window.experiments().stateProperty().get()
                != org.socketinspector.ui.experiments.ExperimentsViewModel.State.RUNNING);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#experiment-verdict").queryAs(Label.class).getText())
                .isEqualTo("Observed: refused — agrees with the model");
        assertThat(robot.lookup("#timeline").queryTableView().getItems()).isNotEmpty();

        robot.clickOn("History");
        Fixtures.waitUntil("the stored run", () -> robot.lookup("#history-table").queryTableView().getItems().size() == 1);
        assertThat(robot.lookup("#history-page").queryAs(Label.class).getText()).isEqualTo("Page 1 of 1 · 1 run");
    }

    @Test
    void savedSnapshotsCompareInTheHistory(FxRobot robot) {
        show(Fixtures.listeners(3, "LISTEN"));
        robot.interact(window::saveSnapshot);
        clickOkOnce(robot);
        List<SocketRecord> later = new ArrayList<>(Fixtures.listeners(3, "LISTEN").scan().sockets());
        later.add(Fixtures.listener(20000, 7000, "LISTEN"));
        show(new Audit(Fixtures.scan(later), List.of()));
        robot.interact(window::saveSnapshot);
        clickOkOnce(robot);

        robot.clickOn("History");
        TableView<?> history = robot.lookup("#history-table").queryTableView();
        Fixtures.waitUntil("both snapshots listed", () -> history.getItems().size() == 2);
        robot.interact(() -> history.getSelectionModel().selectAll());
        robot.clickOn("#history-compare");
        Fixtures.waitUntil("the diff", () -> robot.lookup("Opened (1)").tryQuery().isPresent());
        assertThat(robot.lookup("Closed (0)").tryQuery()).isPresent();
        assertThat(robot.lookup(n -> n instanceof Label l && l.getText() != null && l.getText().startsWith("tcp  127.0.0.1:20000  pid 7000")).tryQuery()).isPresent();
    }

    @Test
    void exportWritesTheLiveScanAndOpensIt(FxRobot robot) throws Exception {
        show(Fixtures.labAudit());
        robot.interact(() -> window.openExport());
        assertThat(robot.lookup("#export-scope").queryComboBox().getValue().toString()).isEqualTo("Live scan (as shown now)");
        Path out = tempDir.resolve("gui-export-" + System.nanoTime() + ".html");
        robot.interact(() -> robot.lookup("#export-output").queryAs(TextField.class).setText(out.toString()));
        robot.clickOn("#export-button");
        // The file is opened from the background and the message set on the FX thread: wait for both.
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> !opened.isEmpty()
                && robot.lookup("#export-message").queryLabeled().getText().startsWith("Wrote"));
        assertThat(opened).containsExactly(out.toUri().toString());
        assertThat(robot.lookup("#export-message").queryLabeled().getText()).isEqualTo("Wrote " + out);
        assertThat(java.nio.file.Files.readString(out)).contains("lab-host");
    }

    /** Waits (bounded) for the saved-snapshot message, which comes after the background save, and closes it. */
    private static void clickOkOnce(FxRobot robot) {
        Fixtures.waitUntil("the snapshot message", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .content").queryLabeled().getText()).startsWith("Saved as S");
        robot.clickOn("OK");
        Fixtures.waitUntil("the message closed", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
    }

    /** The table row of that process, waiting (bounded) for the table to lay it out: a loaded machine is slower. */
    private static javafx.scene.Node row(FxRobot robot, String process) {
        java.util.function.Supplier<java.util.Optional<javafx.scene.Node>> find = () -> robot.lookup(".table-row-cell")
                .match((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableRow<?> r
                        && r.getItem() instanceof SocketRow s && s.process().equals(process)).tryQuery();
        try {
            WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> find.get().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no table row of " + process + " within 30 s", e);
        }
        return find.get().orElseThrow();
    }

    @Test
    void theLimitationsLinkListsThemAll(FxRobot robot) {
        show(Fixtures.labAudit());
        robot.clickOn("#limitations-link");
        assertThat(robot.lookup("#limitations-list").queryListView().getItems())
                .hasSize(2).anyMatch(l -> l.toString().contains("pidfd_getfd: EPERM"));
    }
}
