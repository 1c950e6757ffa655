package org.socketinspector.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.socketinspector.testing.RootTest;

/**
 * Re-measures the whole Linux question space on the running kernel with bench/bind_matrix.py (real sockets as
 * root and as uid 65534, 20 loopback connections or datagrams per cell) and checks the model against it.
 * Root only; skipped with a reason otherwise. The script ends itself within seconds and dies with this JVM.
 */
class LinuxSemanticsLiveTest {

    private static final Path SCRIPT = Path.of("..", "..", "bench", "bind_matrix.py");
    private static final int FIRST_PORT = 12000;

    @RootTest
    @Test
    void theModelPredictsTheRunningKernel() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the Linux model is measured on Linux");
        assumeTrue("root".equals(System.getProperty("user.name")), "sockets of uid 65534 need root to create");
        assumeTrue(Files.isRegularFile(SCRIPT), "bench/bind_matrix.py not found from " + Path.of("").toAbsolutePath());
        Process python;
        try {
            python = new ProcessBuilder("python3", SCRIPT.toString(), Integer.toString(FIRST_PORT))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "python3 is not available: " + e.getMessage());
            return;
        }
        byte[] output;
        try {
            output = python.getInputStream().readAllBytes();
            assertTrue(python.waitFor(120, TimeUnit.SECONDS), "bind_matrix.py did not finish in 120 s");
        } finally {
            python.destroyForcibly();
        }
        assertEquals(0, python.exitValue(), "bind_matrix.py failed");

        List<MeasuredMatrix.Row> rows = MeasuredMatrix.read(new ByteArrayInputStream(output));
        BindSemantics linux = BindSemantics.forOs(OsFamily.LINUX);
        List<String> disagreements = new ArrayList<>();
        for (MeasuredMatrix.Row row : rows) {
            BindAnswer answer = linux.answer(row.question());
            if (answer.outcome() != row.outcome() || !Objects.equals(answer.error(), row.error())
                    || !Objects.equals(answer.firstCanStillListen(), row.firstCanStillListen())) {
                disagreements.add(LinuxSemanticsMeasuredTest.describe(row.question()) + ": kernel " + row.outcome()
                        + "/" + row.error() + "/" + row.firstCanStillListen() + " received " + row.received()
                        + ", model " + answer.outcome() + "/" + answer.error() + "/" + answer.firstCanStillListen());
            }
        }
        assertEquals(QuestionSpace.linux().size(), rows.size());
        assertTrue(disagreements.isEmpty(), disagreements.size() + " disagreements:\n"
                + String.join("\n", disagreements.subList(0, Math.min(40, disagreements.size()))));
    }
}
