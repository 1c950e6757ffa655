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
 * who receives the 20 connections or datagrams and whether a bound first socket can still listen.
 */
class LinuxSemanticsMeasuredTest {

    private static List<MeasuredMatrix.Row> measured() throws IOException {
        return MeasuredMatrix.read(LinuxSemanticsMeasuredTest.class.getResourceAsStream("linux-bind-matrix.jsonl"));
    }

    @Test
    void theModelPredictsEveryMeasuredCell() throws IOException {
        BindSemantics linux = BindSemantics.forOs(OsFamily.LINUX);
        List<String> disagreements = new ArrayList<>();
        List<MeasuredMatrix.Row> rows = measured();
        for (MeasuredMatrix.Row row : rows) {
            BindAnswer answer = linux.answer(row.question());
            if (answer.outcome() != row.outcome() || !Objects.equals(answer.error(), row.error())
                    || !Objects.equals(answer.firstCanStillListen(), row.firstCanStillListen())) {
                disagreements.add("line " + row.line() + " " + describe(row.question()) + ": measured " + row.outcome()
                        + "/" + row.error() + "/" + row.firstCanStillListen() + " received " + row.received()
                        + ", model " + answer.outcome() + "/" + answer.error() + "/" + answer.firstCanStillListen());
            }
        }
        assertEquals(6912, rows.size(), "the measured matrix covers the whole question space");
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
