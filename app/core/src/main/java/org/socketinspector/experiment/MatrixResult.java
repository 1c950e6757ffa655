package org.socketinspector.experiment;

import java.time.Instant;
import java.util.List;
import org.socketinspector.history.ExperimentRecord;

/**
 * A bind-matrix run. To keep the record small, only disagreeing cells keep their timeline and the model's
 * explanation and sources; agreeing cells keep the answer (outcome, error, first-can-listen) and the counts.
 * A run that was cancelled or reached its time limit keeps every cell it measured; the cells it did not measure
 * (not reached, or cut off mid-run) are skipped with the stop reason, so {@code ran + skipped} is always every cell.
 *
 * @param kernel         uname release of the machine
 * @param cells          every cell, in the question space's order
 * @param ran            cells measured
 * @param agreements     measured cells that agree with the model
 * @param disagreements  measured cells that do not
 * @param skipped        cells that could not run, with the reason in each
 * @param ended          null when the run stopped early
 * @param durationMillis wall time
 * @param stopped        why the run stopped early (cancel, time limit), null when every cell had its turn; absent in
 *                       records stored before it existed (read as null)
 */
public record MatrixResult(String kind, String kernel, String host, String toolVersion, List<MatrixCell> cells,
                           int ran, int agreements, int disagreements, int skipped, Instant started, Instant ended,
                           long durationMillis, String stopped) implements ExperimentRecord {

    public MatrixResult {
        cells = List.copyOf(cells);
    }

    public List<MatrixCell> disagreeing() {
        return cells.stream().filter(c -> Boolean.FALSE.equals(c.agrees())).toList();
    }

    @Override
    public String title() {
        String os = cells.isEmpty() ? "" : cells.get(0).question().os().wireName();
        String label = os.isEmpty() ? "" : Character.toUpperCase(os.charAt(0)) + os.substring(1) + " ";
        return "bind matrix, " + cells.size() + " cells, " + label + kernel;
    }

    @Override
    public String outcomeLine() {
        return stoppedPrefix() + ran + " of " + cells.size() + " cells measured in " + durationMillis + " ms: "
                + agreements + " agree, " + disagreements + " disagree, " + skipped + " skipped";
    }

    /** A measured disagreement stands even in a stopped run; without one, a stopped run's agreement is unknown. */
    @Override
    public Boolean agrees() {
        if (disagreements > 0) {
            return false;
        }
        return ran == 0 || stopped != null ? null : true;
    }
}
