package org.socketinspector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.history.RunSummary;

/** 10,000 stored experiments: pages hold the right rows and come out of an index. Timing lives in bench/history-list. */
class PagingTest {

    static final int RUNS = 10_000;

    @TempDir
    static Path dir;

    private static HistoryStore history;

    @BeforeAll
    static void fill() {
        history = HistoryStore.open(dir.resolve("big.db"));
        List<ExperimentEntry> entries = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            entries.add(Fixtures.experiment(i % 4 == 0 ? "matrix" : i % 4 == 1 ? "probe" : "replay", i));
        }
        history.saveExperiments(entries);
    }

    @AfterAll
    static void close() {
        history.close();
    }

    @Test
    void walkingEveryPageVisitsEveryRunOnceNewestFirst() {
        List<String> titles = new ArrayList<>();
        for (Page page = new Page(500, 0); page.offset() < RUNS; page = page.next()) {
            history.list(HistoryFilter.experiments(), page).forEach(r -> titles.add(r.title()));
        }
        assertThat(titles).hasSize(RUNS).doesNotHaveDuplicates();
        assertThat(titles.get(0)).isEqualTo("run " + (RUNS - 1));
        assertThat(titles.get(RUNS - 1)).isEqualTo("run 0");
    }

    @Test
    void aDeepPageHoldsExactlyTheRowsAtItsOffset() {
        List<RunSummary> page = history.list(HistoryFilter.ALL, Page.number(81, 50)); // rows 4000..4049, newest first
        assertThat(page).extracting(RunSummary::title).first().isEqualTo("run " + (RUNS - 1 - 4000));
        assertThat(page).extracting(RunSummary::title).last().isEqualTo("run " + (RUNS - 1 - 4049));
        assertThat(history.list(HistoryFilter.ALL, new Page(50, RUNS))).isEmpty();
    }

    @Test
    void aFilteredPageHoldsOnlyThatKindInOrder() {
        List<RunSummary> page = history.list(HistoryFilter.experiments().withKind("probe"), new Page(3, 10));
        // probes are runs 1, 5, 9, ... ; newest is 9997; skipping 10 gives 9957, 9953, 9949
        assertThat(page).extracting(RunSummary::title).containsExactly("run 9957", "run 9953", "run 9949");
        assertThat(history.count(HistoryFilter.ALL.withKind("probe"))).isEqualTo(RUNS / 4);
    }

    @Test
    void everyListingComesOutOfAnIndexWithoutASortStep() {
        assertThat(history.explainList(HistoryFilter.ALL)).contains("USING INDEX runs_started")
                .doesNotContain("TEMP B-TREE");
        assertThat(history.explainList(HistoryFilter.ALL.withKind("probe"))).contains("USING INDEX runs_kind_started")
                .doesNotContain("TEMP B-TREE");
        assertThat(history.explainList(HistoryFilter.experiments())).contains("USING INDEX runs_type_started")
                .doesNotContain("TEMP B-TREE");
        assertThat(history.explainList(HistoryFilter.ALL.withHost("lab1"))).contains("USING INDEX runs_host_started")
                .doesNotContain("TEMP B-TREE");
        assertThat(history.explainList(HistoryFilter.ALL.withAgrees(false))).contains("USING INDEX runs_agrees_started")
                .doesNotContain("TEMP B-TREE");
    }
}
