package org.socketinspector.experiment;

import java.util.Locale;

import org.socketinspector.semantics.BindAnswer;
import org.socketinspector.semantics.BindQuestion;

/**
 * One cell of the bind matrix: the question, the model's answer, what the kernel did.
 *
 * @param question  the cell
 * @param predicted the model's answer (null when no model or the cell could not run)
 * @param observed  the measurement (null when skipped)
 * @param agrees    null when either is missing
 * @param skipped   why the cell did not run (e.g. "needs root for uid 65534", or "cancelled: Ctrl-C" for a cell a
 *                  stopped run did not measure), else null
 */
public record MatrixCell(BindQuestion question, BindAnswer predicted, EncounterResult observed, Boolean agrees,
                         String skipped) {

    /** One line: "tcp listen 0.0.0.0 reuseport root -> 127.0.0.1 reuseport root: model steals, kernel shares 9/7". */
    public String summary() {
        String model = predicted == null ? "no model" : predicted.outcome().wireName()
                + (predicted.error() == null ? "" : " " + predicted.error())
                + (predicted.firstCanStillListen() == null ? "" : " firstCanListen=" + predicted.firstCanStillListen());
        String kernel = observed == null ? "skipped (" + skipped + ")" : observed.observed().wireName()
                + (observed.secondBindError() == null ? "" : " " + observed.secondBindError())
                + (observed.firstCouldStillListen() == null ? "" : " firstCanListen=" + observed.firstCouldStillListen())
                + " victim " + observed.toVictim() + " attacker " + observed.toAttacker() + " lost " + observed.lost()
                + " to " + observed.target();
        return String.format(Locale.ROOT, "%s %s %s %s %s -> %s %s %s: model %s | kernel %s", question.protocol().wireName(),
                question.first().state().wireName(), question.first().address(), question.first().options(),
                question.first().user(), question.second().address(), question.second().options(),
                question.second().user(), model, kernel);
    }
}
