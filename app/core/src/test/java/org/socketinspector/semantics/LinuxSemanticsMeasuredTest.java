package org.socketinspector.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Linux model against the bind matrix measured on Linux 6.18.44 (bench/bind_matrix.py): every cell, including
 * who receives the 20 connections or datagrams and whether a bound first socket can still listen; and against the
 * extension (IPv4-mapped addresses, time-wait, connected UDP; bench/bind_matrix.py --extension).
 */
class LinuxSemanticsMeasuredTest {

    private static List<MeasuredMatrix.Row> measured() throws IOException {
        return MeasuredMatrix.read(LinuxSemanticsMeasuredTest.class.getResourceAsStream("linux-bind-matrix.jsonl"));
    }

    private static List<MeasuredMatrix.Row> measuredExtension() throws IOException {
        return MeasuredMatrix.read(LinuxSemanticsMeasuredTest.class.getResourceAsStream("linux-bind-matrix-v2.jsonl"));
    }

    @Test
    void theModelPredictsEveryMeasuredCell() throws IOException {
        List<MeasuredMatrix.Row> rows = measured();
        assertEquals(6912, rows.size(), "the measured matrix covers the whole question space");
        assertNoDisagreement(rows);
    }

    @Test
    void theModelPredictsEveryMeasuredCellOfTheExtension() throws IOException {
        List<MeasuredMatrix.Row> rows = measuredExtension();
        assertEquals(QuestionSpace.linuxExtension().size(), rows.size());
        assertNoDisagreement(rows);
    }

    @Test
    void theMeasuredExtensionIsExactlyTheExtensionSpace() throws IOException {
        Set<BindQuestion> measuredQuestions = new HashSet<>();
        measuredExtension().forEach(r -> measuredQuestions.add(r.question()));
        assertEquals(new HashSet<>(QuestionSpace.linuxExtension()), measuredQuestions);
    }

    /** The client sent to the address the model says the question is about, in every measured cell. */
    @Test
    void everyMeasuredTargetIsTheModelsTarget() throws IOException {
        BindSemantics linux = BindSemantics.forOs(OsFamily.LINUX);
        List<String> wrong = new ArrayList<>();
        for (MeasuredMatrix.Row row : measuredExtension()) {
            if (!linux.target(row.question()).equals(row.target())) {
                wrong.add("line " + row.line() + " " + describe(row.question()) + ": measured " + row.target()
                        + ", model " + linux.target(row.question()));
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " targets differ:\n" + String.join("\n", wrong.subList(0, Math.min(20, wrong.size()))));
    }

    private static void assertNoDisagreement(List<MeasuredMatrix.Row> rows) {
        BindSemantics linux = BindSemantics.forOs(OsFamily.LINUX);
        List<String> disagreements = new ArrayList<>();
        for (MeasuredMatrix.Row row : rows) {
            BindAnswer answer = linux.answer(row.question());
            if (answer.outcome() != row.outcome() || !Objects.equals(answer.error(), row.error())
                    || !Objects.equals(answer.firstCanStillListen(), row.firstCanStillListen())) {
                disagreements.add("line " + row.line() + " " + describe(row.question()) + ": measured " + row.outcome()
                        + "/" + row.error() + "/" + row.firstCanStillListen() + " received " + row.received()
                        + ", model " + answer.outcome() + "/" + answer.error() + "/" + answer.firstCanStillListen());
            }
        }
        assertTrue(disagreements.isEmpty(), disagreements.size() + " disagreements:\n"
                + String.join("\n", disagreements.subList(0, Math.min(40, disagreements.size()))));
    }

    @Test
    void theMeasuredMatrixIsExactlyTheQuestionSpace() throws IOException {
        Set<BindQuestion> measuredQuestions = new HashSet<>();
        measured().forEach(r -> measuredQuestions.add(r.question()));
        assertEquals(new HashSet<>(QuestionSpace.linux()), measuredQuestions);
    }

    static String describe(BindQuestion q) {
        return q.protocol().wireName() + " " + endpoint(q.first()) + " " + q.first().state().wireName() + " -> "
                + endpoint(q.second());
    }

    private static String endpoint(BindEndpoint e) {
        List<String> options = new ArrayList<>();
        e.options().forEach(o -> options.add(o.wireName()));
        options.sort(null);
        return e.address() + options + "@" + e.user();
    }
}
