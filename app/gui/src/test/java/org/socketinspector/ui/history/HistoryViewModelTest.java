package org.socketinspector.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.history.SnapshotDiff;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.store.ExperimentEntry;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.history.RunSummary;
import org.socketinspector.history.RunType;
import org.socketinspector.ui.Fixtures;

/** The History view's state on a real history file of 10,000 experiments and two snapshots. */
class HistoryViewModelTest {

    @TempDir
    static Path dir;
    private HistoryStore store;
    private HistoryViewModel model;

    static final String RECORD = """
            {"kind":"replay","request":{"preset":"plain-control","attempts":2},
             "result":{"attempts":2,"toVictim":2,"toAttacker":0,"timeline":[
               {"at":"2026-11-25T12:00:00.001Z","actor":"victim","event":"bind","detail":"127.0.0.1:40000 ok"},
               {"at":"2026-11-25T12:00:00.002Z","actor":"attacker","event":"bind","detail":"EADDRINUSE"}]}}""";

    @BeforeEach
    void fill() {
        store = HistoryStore.open(dir.resolve("history-" + System.nanoTime() + ".db"));
        List<ExperimentEntry> runs = new ArrayList<>();
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < 10_000; i++) {
            runs.add(new ExperimentEntry(i % 2 == 0 ? "replay" : "probe", "run " + i, t0.plusSeconds(i), t0.plusSeconds(i + 1),
                    "lab-host", "0.1.0", i % 100 != 7, "attacker took 0 of 2", RECORD));
        }
        store.saveExperiments(runs);
        store.saveSnapshot(Fixtures.listeners(3, "LISTEN"));
        List<SocketRecord> later = new ArrayList<>(Fixtures.listeners(3, "LISTEN").scan().sockets());
        later.remove(0);
        later.add(Fixtures.listener(20000, 7000, "LISTEN"));
        store.saveSnapshot(new Audit(Fixtures.scan(later).withSockets(later), List.of()));
        // Direct executors: the queries run and apply at once, so the test reads the state without waiting.
        model = new HistoryViewModel(() -> store, Runnable::run, Runnable::run);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void opensOnOnePageOfTenThousandRuns() {
        // How long this takes is bench/history-list.sh's to measure (HistoryListBench: open + count + first page).
        model.load();

        assertThat(model.rows()).hasSize(HistoryViewModel.PAGE_SIZE);
        assertThat(model.totalProperty().get()).isEqualTo(10_002);
        assertThat(model.pagesProperty().get()).isEqualTo(101);
        assertThat(model.pageText()).isEqualTo("Page 1 of 101 · 10,002 runs");

        model.next();
        assertThat(model.pageProperty().get()).isEqualTo(2);
        assertThat(model.rows()).hasSize(100).noneMatch(r -> r.title().equals("run 9999"));
        model.pageProperty().set(101);
        assertThat(model.rows()).hasSize(2);
        model.next();
        assertThat(model.pageProperty().get()).isEqualTo(101);
    }

    @Test
    void filtersGoBackToTheFirstPage() {
        model.load();
        model.pageProperty().set(5);
        model.typeProperty().set(HistoryViewModel.TypeChoice.SNAPSHOTS);
        assertThat(model.pageProperty().get()).isEqualTo(1);
        assertThat(model.rows()).hasSize(2).allMatch(r -> r.id().type() == RunType.SNAPSHOT);

        model.typeProperty().set(HistoryViewModel.TypeChoice.EXPERIMENTS);
        model.agreementProperty().set(HistoryViewModel.AgreementChoice.DISAGREES);
        assertThat(model.totalProperty().get()).isEqualTo(100);
        model.kindProperty().set("probe");
        assertThat(model.totalProperty().get()).isEqualTo(100);
        model.kindProperty().set("replay");
        assertThat(model.totalProperty().get()).isZero();
        assertThat(model.pageText()).isEqualTo("Page 1 of 1 · 0 runs");
    }

    @Test
    void anExperimentOpensWithItsTimelineAndTwoSnapshotsCompare() {
        model.typeProperty().set(HistoryViewModel.TypeChoice.EXPERIMENTS);
        RunSummary run = model.rows().get(0);
        java.util.concurrent.atomic.AtomicReference<HistoryViewModel.RunDetails> read = new java.util.concurrent.atomic.AtomicReference<>();
        model.details(run, read::set);
        HistoryViewModel.RunDetails details = read.get();
        assertThat(details.timeline()).extracting(HistoryViewModel.TimelineRow::detail)
                .containsExactly("127.0.0.1:40000 ok", "EADDRINUSE");
        assertThat(details.fields()).anyMatch(f -> f.getKey().equals("request.preset") && f.getValue().equals("plain-control"));

        model.typeProperty().set(HistoryViewModel.TypeChoice.SNAPSHOTS);
        java.util.concurrent.atomic.AtomicReference<SnapshotDiff> compared = new java.util.concurrent.atomic.AtomicReference<>();
        model.diff(model.rows().get(0), model.rows().get(1), compared::set);
        SnapshotDiff diff = compared.get();
        assertThat(diff.opened()).extracting(SocketRecord::localPort).containsExactly(20000);
        assertThat(diff.closed()).extracting(SocketRecord::localPort).containsExactly(10000);
    }

    @Test
    void anUnreadableDatabaseIsAMessageNotACrash() {
        HistoryViewModel broken = new HistoryViewModel(() -> {
            throw new org.socketinspector.store.StoreException("history database x.db is newer than this build", null);
        }, Runnable::run, Runnable::run);
        broken.load();
        assertThat(broken.errorProperty().get()).isEqualTo("Cannot read the history: history database x.db is newer than this build");
        assertThat(broken.rows()).isEmpty();
    }

    @Test
    void aBugInAQueryIsSaidToBeOneNotShownAsTheUsersProblem() {
        HistoryViewModel buggy = new HistoryViewModel(() -> {
            throw new NullPointerException("a bug");
        }, Runnable::run, Runnable::run);
        buggy.load();
        assertThat(buggy.errorProperty().get()).startsWith("Cannot read the history: Internal error reading the history (NullPointerException)")
                .doesNotContain("a bug");
    }

    @Test
    void aPageThatAnswersAfterANewerRequestIsDropped() {
        List<Runnable> queries = new ArrayList<>();
        List<Runnable> results = new ArrayList<>();
        HistoryViewModel slow = new HistoryViewModel(() -> store, queries::add, results::add);
        slow.load();
        slow.typeProperty().set(HistoryViewModel.TypeChoice.SNAPSHOTS);
        assertThat(queries).hasSize(2);
        queries.forEach(Runnable::run);
        // The newer request (snapshots) answers first, the older one (everything) last: the older is not shown.
        results.get(1).run();
        results.get(0).run();
        assertThat(slow.rows()).hasSize(2).allMatch(r -> r.id().type() == RunType.SNAPSHOT);
        assertThat(slow.totalProperty().get()).isEqualTo(2);
    }
}
