package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.socketinspector.collect.Platform;
import org.socketinspector.nativeio.ProcessControl;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.QuestionSpace;

/** The whole Linux question space on this kernel, next to the model: zero disagreements. */
@EnabledOnOs(OS.LINUX)
class BindMatrixTest {

    @Test
    void everyLinuxCellAgreesWithTheModel() throws Exception {
        Assumptions.assumeTrue(ProcessControl.effectiveUid() == 0, "needs root: half of the cells run as uid 65534");
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
}
