package org.socketinspector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.history.HistoryId;
import org.socketinspector.history.RunSummary;
import org.socketinspector.history.RunType;
import org.socketinspector.rules.Audit;

class HistoryStoreTest {

    @TempDir
    Path dir;

    private HistoryStore history;

    @BeforeEach
    void open() {
        history = HistoryStore.open(dir.resolve("history.db"));
    }

    @AfterEach
    void close() {
        history.close();
    }

    @Test
    void anExperimentComesBackAsSaved() {
        ExperimentEntry entry = new ExperimentEntry("replay", "replay linux-reuseport on 127.0.0.1:40000",
                Instant.parse("2026-11-25T10:00:00.123Z"), Instant.parse("2026-11-25T10:00:02.456Z"), "lab1",
                "0.1.0", true, "attacker took 48 of 100 connections", "{\"counts\":{\"victim\":52,\"attacker\":48}}");

        HistoryId id = history.saveExperiment(entry);

        assertThat(id.type()).isEqualTo(RunType.EXPERIMENT);
        assertThat(history.experiment(id)).contains(entry);
        assertThat(history.json(id)).contains(entry.json());
        assertThat(history.summary(id)).get().extracting(RunSummary::outcome)
                .isEqualTo("attacker took 48 of 100 connections");
    }

    @Test
    void anIdOfTheWrongTypeFindsNothing() {
        HistoryId id = history.saveExperiment(Fixtures.experiment("probe", 1));

        HistoryId asSnapshot = HistoryId.snapshot(id.number());
        assertThat(history.summary(asSnapshot)).isEmpty();
        assertThat(history.snapshot(asSnapshot)).isEmpty();
        assertThat(history.delete(asSnapshot)).isFalse();
        assertThat(history.experiment(id)).isPresent();
    }

    @Test
    void aSnapshotKeepsTheScanAndItsFindings() {
        Audit audit = Fixtures.audit(Fixtures.listener(8080, 100, "java"), Fixtures.listener(22, 1, "sshd"));

        HistoryId id = history.saveSnapshot(audit);

        assertThat(id.toString()).startsWith("S");
        assertThat(history.snapshot(id)).contains(audit);
        RunSummary summary = history.summary(id).orElseThrow();
        assertThat(summary.kind()).isEqualTo("snapshot");
        assertThat(summary.outcome()).isEqualTo("2 listeners, 1 finding");
        assertThat(summary.startedAt()).isEqualTo(audit.scan().collectedAt());
    }

    @Test
    void listingPagesNewestFirstAndFilters() {
        for (int i = 0; i < 30; i++) {
            history.saveExperiment(Fixtures.experiment(i % 3 == 0 ? "probe" : "replay", i));
        }
        history.saveSnapshot(Fixtures.audit(Fixtures.listener(80, 1, "nginx")));

        List<RunSummary> first = history.list(HistoryFilter.experiments(), new Page(10, 0));
        List<RunSummary> second = history.list(HistoryFilter.experiments(), new Page(10, 10));
        assertThat(first).extracting(RunSummary::title).first().isEqualTo("run 29");
        assertThat(first).extracting(RunSummary::title).last().isEqualTo("run 20");
        assertThat(second).extracting(RunSummary::title).first().isEqualTo("run 19");

        List<RunSummary> probes = history.list(HistoryFilter.ALL.withKind("probe"), Page.FIRST);
        assertThat(probes).hasSize(10).allSatisfy(r -> assertThat(r.kind()).isEqualTo("probe"));
        assertThat(history.count(HistoryFilter.ALL)).isEqualTo(31);
        assertThat(history.count(HistoryFilter.snapshots())).isEqualTo(1);
        assertThat(history.count(HistoryFilter.experiments().withAgrees(false))).isEqualTo(10);
    }

    @Test
    void deleteRemovesOneRunOnly() {
        HistoryId a = history.saveExperiment(Fixtures.experiment("probe", 1));
        HistoryId b = history.saveExperiment(Fixtures.experiment("probe", 2));

        assertThat(history.delete(a)).isTrue();
        assertThat(history.delete(a)).isFalse();
        assertThat(history.experiment(a)).isEmpty();
        assertThat(history.experiment(b)).isPresent();
        // AUTOINCREMENT: a deleted id is never handed out again, so "E1" always means the same run.
        assertThat(history.saveExperiment(Fixtures.experiment("probe", 3)).number()).isGreaterThan(b.number());
    }

    @Test
    void anExperimentRecordMustBeAJsonObject() {
        ExperimentEntry bad = new ExperimentEntry("probe", "t", Instant.EPOCH, null, null, null, null, null, "[1,2");
        assertThatThrownBy(() -> history.saveExperiment(bad)).hasMessageContaining("not valid JSON");
        assertThat(history.count(HistoryFilter.ALL)).isZero();
    }

    @Test
    void historyIdsReadAndPrint() {
        assertThat(HistoryId.parse("E12")).isEqualTo(HistoryId.experiment(12));
        assertThat(HistoryId.parse(" s3 ")).isEqualTo(HistoryId.snapshot(3));
        assertThat(HistoryId.snapshot(3)).hasToString("S3");
        assertThatThrownBy(() -> HistoryId.parse("12")).hasMessageContaining("E<number>");
        assertThatThrownBy(() -> HistoryId.parse("X1")).hasMessageContaining("'X1'");
    }
}
