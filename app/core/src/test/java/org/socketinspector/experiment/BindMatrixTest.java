package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.history.HistoryId;
import org.socketinspector.history.RunSummary;
import org.socketinspector.json.Json;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.QuestionSpace;
import org.socketinspector.store.ExperimentEntry;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.testing.RootTest;

/**
 * The whole Linux question space on this kernel (the 6,912 cells and the extension: IPv4-mapped addresses, time-wait,
 * connected UDP), next to the model: zero disagreements; a cancel keeps what ran.
 */
@EnabledOnOs(OS.LINUX)
class BindMatrixTest {

    @RootTest
    @Test
    void everyLinuxCellAgreesWithTheModel() throws Exception {
        Assumptions.assumeTrue(ThisMachine.PLATFORM.processes().effectiveUid() == 0, "needs root: half of the cells run as uid 65534");
        List<BindQuestion> space = BindMatrix.questionSpace(OsFamily.LINUX);
        assertThat(space).hasSize(QuestionSpace.linux().size() + QuestionSpace.linuxExtension().size());
        MatrixResult result = new BindMatrix(ThisMachine.PLATFORM.sockets(), ThisMachine.PLATFORM.processes(), BindSemantics.forOs(OsFamily.LINUX),
                BindMatrix.DEFAULT_ATTEMPTS, 4).run(space, new CancelToken(), null);
        System.out.println("bind matrix: " + result.ran() + " cells in " + result.durationMillis() + " ms on "
                + result.kernel() + ", " + result.disagreements() + " disagreements");
        System.out.println("observed: " + result.cells().stream().collect(java.util.stream.Collectors.groupingBy(
                c -> c.observed().observed(), java.util.stream.Collectors.counting())) + ", lost deliveries: "
                + result.cells().stream().mapToInt(c -> c.observed().lost()).sum());
        result.disagreeing().forEach(c -> System.out.println("DISAGREE " + c.summary()));
        assertThat(result.skipped()).isZero();
        assertThat(result.ran()).isEqualTo(space.size());
        assertThat(result.disagreeing()).extracting(MatrixCell::summary).isEmpty();
        assertThat(HelperLauncher.livePids()).isEmpty();
    }

    @Test
    void aCancelledRunKeepsTheCellsItMeasuredAndIsStored(@TempDir Path dir) throws Exception {
        int self = ThisMachine.PLATFORM.processes().effectiveUid();
        Assumptions.assumeTrue(self == 0 || self == Users.NOBODY,
                "the question space's users are root and nobody: another user measures no cell");
        // 96 cells: TCP 0.0.0.0 against 0.0.0.0, all four user pairs (as root, a helper per worker for uid 65534).
        List<BindQuestion> space = QuestionSpace.linux().subList(0, 96);
        CancelToken cancel = new CancelToken();
        AtomicInteger measured = new AtomicInteger();
        MatrixResult result = new BindMatrix(ThisMachine.PLATFORM.sockets(), ThisMachine.PLATFORM.processes(), BindSemantics.forOs(OsFamily.LINUX), 4, 4)
                .run(space, cancel, cell -> {
                    if (cell.observed() != null && measured.incrementAndGet() == 8) {
                        cancel.cancel("test");
                    }
                });

        assertThat(result.stopped()).isEqualTo("cancelled: test");
        assertThat(result.ended()).isNull();
        assertThat(result.cells()).hasSize(space.size());
        assertThat(result.ran()).isBetween(8, space.size() - 1);
        assertThat(result.ran() + result.skipped()).isEqualTo(space.size());
        List<MatrixCell> ran = result.cells().stream().filter(c -> c.observed() != null).toList();
        assertThat(ran).hasSize(result.ran()).allSatisfy(c -> assertThat(c.agrees()).isNotNull());
        assertThat(result.agreements() + result.disagreements()).isEqualTo(result.ran());
        // Cells not reached or cut off mid-run: skipped with the reason, never a disagreement.
        List<MatrixCell> cut = result.cells().stream().filter(c -> "cancelled: test".equals(c.skipped())).toList();
        assertThat(cut).isNotEmpty().allSatisfy(c -> {
            assertThat(c.observed()).isNull();
            assertThat(c.agrees()).isNull();
        });
        assertThat(result.agrees()).isEqualTo(result.disagreements() > 0 ? Boolean.FALSE : null);
        assertThat(result.outcomeLine()).startsWith("stopped early (cancelled: test): " + result.ran() + " of 96 cells");
        assertThat(HelperLauncher.livePids()).isEmpty();

        try (HistoryStore history = HistoryStore.open(dir.resolve("h.db"))) {
            HistoryId id = history.saveExperiment(ExperimentEntry.of(result));
            RunSummary row = history.summary(id).orElseThrow();
            assertThat(row.kind()).isEqualTo("matrix");
            assertThat(row.endedAt()).isNull();
            assertThat(row.outcome()).startsWith("stopped early (cancelled: test)");
            JsonNode stored = Json.mapper().readTree(history.json(id).orElseThrow());
            assertThat(stored.get("stopped").asText()).isEqualTo("cancelled: test");
            assertThat(stored.get("ran").asInt()).isEqualTo(result.ran());
            List<JsonNode> storedCells = new ArrayList<>();
            stored.get("cells").forEach(storedCells::add);
            assertThat(storedCells).hasSize(space.size());
            assertThat(storedCells.stream().filter(c -> c.get("agrees").isBoolean()).count()).isEqualTo(result.ran());
        }
    }

    @RootTest
    @Test
    void aWrongModelIsCaughtCellByCell() throws Exception {
        Assumptions.assumeTrue(ThisMachine.PLATFORM.processes().effectiveUid() == 0, "needs root: the question space's user is root");
        // A model that says every second bind is refused: the matrix must flag exactly the cells that bound.
        BindSemantics alwaysRefused = new BindSemantics() {
            @Override
            public OsFamily os() {
                return OsFamily.LINUX;
            }

            @Override
            public org.socketinspector.semantics.BindAnswer answer(BindQuestion question) {
                return new org.socketinspector.semantics.BindAnswer(org.socketinspector.semantics.Outcome.REFUSED,
                        "EADDRINUSE", null, "test model", List.of());
            }
        };
        List<BindQuestion> rootOnly = QuestionSpace.linux().stream()
                .filter(q -> q.first().user().equals("root") && q.second().user().equals("root")
                        && q.first().state() == org.socketinspector.semantics.BindState.LISTEN)
                .limit(64).toList();
        MatrixResult result = new BindMatrix(ThisMachine.PLATFORM.sockets(), ThisMachine.PLATFORM.processes(), alwaysRefused, 4, 4).run(rootOnly, new CancelToken(), null);
        long bound = result.cells().stream().filter(c -> c.observed().secondBindError() == null).count();
        assertThat(bound).isPositive();
        assertThat(result.disagreements()).isEqualTo((int) bound);
        assertThat(result.disagreeing()).allSatisfy(c -> assertThat(c.summary()).contains("model refused EADDRINUSE"));
        assertThat(result.disagreeing()).allSatisfy(c -> assertThat(c.observed().timeline()).isNotEmpty());
    }
}
