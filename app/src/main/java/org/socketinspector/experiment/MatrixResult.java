package org.socketinspector.experiment;

import java.time.Instant;
import java.util.List;

/**
 * A bind-matrix run. To keep the record small, only disagreeing cells keep their timeline and the model's
 * explanation and sources; agreeing cells keep the answer (outcome, error, first-can-listen) and the counts.
 *
 * @param kernel         uname release of the machine
 * @param cells          every cell, in the question space's order
 * @param ran            cells measured
 * @param agreements     measured cells that agree with the model
 * @param disagreements  measured cells that do not
 * @param skipped        cells that could not run, with the reason in each
 * @param durationMillis wall time
 */
public record MatrixResult(String kind, String kernel, String host, String toolVersion, List<MatrixCell> cells,
                           int ran, int agreements, int disagreements, int skipped, Instant started, Instant ended,
                           long durationMillis) implements ExperimentRecord {

    public MatrixResult {
        cells = List.copyOf(cells);
    }

    public List<MatrixCell> disagreeing() {
        return cells.stream().filter(c -> Boolean.FALSE.equals(c.agrees())).toList();
    }

    @Override
    public String title() {
        return "bind matrix, " + cells.size() + " cells, Linux " + kernel;
    }

    @Override
    public String outcomeLine() {
        return ran + " cells measured in " + durationMillis + " ms: " + agreements + " agree, " + disagreements
                + " disagree, " + skipped + " skipped";
    }

    @Override
    public Boolean agrees() {
        return ran == 0 ? null : disagreements == 0;
    }
}
