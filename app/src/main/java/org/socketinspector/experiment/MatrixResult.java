package org.socketinspector.experiment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A bind-matrix run.
 *
 * @param kernel        uname release of the machine
 * @param cells         every cell, in the question space's order
 * @param ran           cells measured
 * @param agreements    measured cells that agree with the model
 * @param disagreements measured cells that do not
 * @param skipped       cells that could not run, with the reason in each
 * @param started       start
 * @param ended         end
 * @param durationMillis wall time
 */
public record MatrixResult(String kernel, List<MatrixCell> cells, int ran, int agreements, int disagreements,
                           int skipped, Instant started, Instant ended, long durationMillis) {

    public MatrixResult {
        cells = List.copyOf(cells);
    }

    public List<MatrixCell> disagreeing() {
        return cells.stream().filter(c -> Boolean.FALSE.equals(c.agrees())).toList();
    }

    public Duration duration() {
        return Duration.ofMillis(durationMillis);
    }
}
