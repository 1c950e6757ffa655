package org.socketinspector.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.history.RunSummary;
import org.socketinspector.rules.RuleEngine;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.store.StoreException;
import org.socketinspector.ui.common.DialogService;
import org.socketinspector.ui.common.UiEvents.AuditOpened;
import org.socketinspector.ui.common.UiEvents;
import org.socketinspector.ui.common.UiThreads;

/** The shell's work without a window: dialogs recorded by a fake, background work run by a test executor. */
class MainWindowViewModelTest {

    @TempDir
    Path dir;
    private final List<String> said = new ArrayList<>();
    private final List<AuditOpened> opened = new ArrayList<>();
    private final List<Runnable> background = new ArrayList<>();
    private java.util.concurrent.ScheduledExecutorService pool;
    private Path chosen;

    /** Records what would be shown; "chooses" {@link #chosen}. */
    private final DialogService dialogs = new DialogService() {
        @Override
        public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
            said.add("open? " + title + " " + types.get(0).patterns());
            return Optional.ofNullable(chosen);
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, Path suggested) {
            return Optional.empty();
        }

        @Override
        public void inform(String header, String text) {
            said.add("info " + header + ": " + text);
        }

        @Override
        public void error(String header, String text) {
            said.add("error " + header + ": " + text);
        }

        @Override
        public boolean confirm(String header, String text, String id) {
            return false;
        }
    };

    private MainWindowViewModel model(java.util.function.Supplier<HistoryStore> history) {
        pool = UiThreads.pool("test-vm");
        // The "background" runs what it is given when the test says so, on this (non-FX) thread; fx runs at once.
        java.util.concurrent.ScheduledExecutorService queued = new java.util.concurrent.ScheduledThreadPoolExecutor(1) {
            @Override
            public void execute(Runnable task) {
                background.add(task);
            }
        };
        UiServices services = new UiServices(request -> Fixtures.labAudit(), scan -> RuleEngine.audit(scan).findings(),
                os -> Optional.empty(), Fixtures.realReplays(), Fixtures.realProbes(), Fixtures.realMatrix(List.of()),
                history, Fixtures.SELF_UID, Fixtures.HOST_OS);
        return new MainWindowViewModel(services, new UiThreads(queued, Runnable::run), dialogs, opened::add);
    }

    private void runBackground() {
        List<Runnable> now = new ArrayList<>(background);
        background.clear();
        now.forEach(Runnable::run);
    }

    @AfterEach
    void end() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void aChosenCaptureIsReadInTheBackgroundAndOpened() throws Exception {
        MainWindowViewModel model = model(() -> HistoryStore.open(dir.resolve("h.db")));
        chosen = Path.of(getClass().getResource("zh-netstat-ano.txt").toURI());
        model.chooseCapture();
        assertThat(said).containsExactly("open? Open capture or saved scan [*.json, *.txt, *.log, *.out]");
        assertThat(opened).as("nothing read before the background runs").isEmpty();

        runBackground();
        assertThat(opened).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("zh-netstat-ano.txt");
            assertThat(e.audit().scan().sockets()).hasSize(18);
        });
    }

    @Test
    void aFileThatCannotBeReadIsAnErrorNamingIt() {
        MainWindowViewModel model = model(() -> HistoryStore.open(dir.resolve("h.db")));
        model.openCapture(dir.resolve("missing.txt"));
        runBackground();
        assertThat(said).containsExactly("error Cannot open missing.txt: " + dir.resolve("missing.txt") + ": no such file");
    }

    @Test
    void aSnapshotIsSavedInTheBackgroundAndListedForTheExport() {
        MainWindowViewModel model = model(() -> HistoryStore.open(dir.resolve("h.db")));
        model.saveSnapshot(null);
        assertThat(said).containsExactly("info Save snapshot: There is no scan yet to save.");

        model.saveSnapshot(Fixtures.labAudit());
        assertThat(said).hasSize(1);
        runBackground();
        assertThat(said.get(1)).startsWith("info Save snapshot: Saved as S1 in " + dir.resolve("h.db"));

        List<List<RunSummary>> listed = new ArrayList<>();
        model.savedSnapshots(listed::add);
        runBackground();
        assertThat(listed).singleElement().satisfies(l -> assertThat(l).extracting(r -> r.id().toString()).containsExactly("S1"));
        model.close();
    }

    @Test
    void anUnusableHistoryIsSaidAndAnExportListsNoSnapshots() throws Exception {
        Path notADatabase = Files.createDirectories(dir.resolve("folder.db"));
        MainWindowViewModel model = model(() -> HistoryStore.open(notADatabase));
        model.saveSnapshot(Fixtures.labAudit());
        runBackground();
        assertThat(said).singleElement().asString()
                .isEqualTo("error Save snapshot: Cannot save the snapshot: history database " + notADatabase
                        + " is a directory, not a file");

        List<List<RunSummary>> listed = new ArrayList<>();
        model.savedSnapshots(listed::add);
        runBackground();
        assertThat(listed).containsExactly(List.of());
    }

    @Test
    void aBugIsNotShownAsTheUsersProblem() {
        MainWindowViewModel model = model(() -> {
            throw new NullPointerException("store is null");
        });
        model.saveSnapshot(Fixtures.labAudit());
        runBackground();
        assertThat(said).singleElement().asString()
                .startsWith("error Save snapshot: Cannot save the snapshot: Internal error saving the snapshot (NullPointerException)")
                .doesNotContain("store is null");
    }

    @Test
    void anExpectedStoreFailureIsOneOfTheFamily() {
        assertThat(new StoreException("x")).isInstanceOf(org.socketinspector.error.InspectorException.class);
    }
}
