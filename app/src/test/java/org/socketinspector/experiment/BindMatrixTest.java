package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.socketinspector.collect.Platform;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.QuestionSpace;

/** The whole Linux question space on this kernel, next to the model: zero disagreements. */
@EnabledOnOs(OS.LINUX)
class BindMatrixTest {

    @Test
    void everyLinuxCellAgreesWithTheModel() throws Exception {
        Assumptions.assumeTrue(Platform.processes().effectiveUid() == 0, "needs root: half of the cells run as uid 65534");
        List<BindQuestion> space = QuestionSpace.linux();
        MatrixResult result = new BindMatrix(Platform.sockets(), BindSemantics.forOs(OsFamily.LINUX),
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
    void aWrongModelIsCaughtCellByCell() throws Exception {
        Assumptions.assumeTrue(Platform.processes().effectiveUid() == 0, "needs root: the question space's user is root");
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
        MatrixResult result = new BindMatrix(Platform.sockets(), alwaysRefused, 4, 4).run(rootOnly, new CancelToken(), null);
        long bound = result.cells().stream().filter(c -> c.observed().secondBindError() == null).count();
        assertThat(bound).isPositive();
        assertThat(result.disagreements()).isEqualTo((int) bound);
        assertThat(result.disagreeing()).allSatisfy(c -> assertThat(c.summary()).contains("model refused EADDRINUSE"));
        assertThat(result.disagreeing()).allSatisfy(c -> assertThat(c.observed().timeline()).isNotEmpty());
    }
}
