package org.socketinspector.ui.experiments;

import java.util.List;
import java.util.function.Consumer;
import org.socketinspector.nativeio.ProcessControl;
import org.socketinspector.sockets.NativeSockets;
import org.socketinspector.experiment.BindMatrix;
import org.socketinspector.experiment.CancelToken;
import org.socketinspector.experiment.ExperimentException;
import org.socketinspector.experiment.MatrixCell;
import org.socketinspector.experiment.MatrixResult;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;

/**
 * Runs the bind matrix over its question space, handing each cell to {@code progress} as it ends (on the matrix's
 * threads). The space is part of the runner so that tests can run a slice of it.
 */
public interface MatrixRunner {

    /** The cells a run measures; empty when this OS has no live matrix. */
    List<BindQuestion> space();

    MatrixResult run(int attempts, int parallelism, CancelToken cancel, Consumer<MatrixCell> progress)
            throws ExperimentException;

    /** The real matrix: native sockets of this machine, next to {@code model}, over {@code space}. */
    public static MatrixRunner of(NativeSockets sockets, ProcessControl processes, List<BindQuestion> space,
                           BindSemantics model) {
        List<BindQuestion> cells = List.copyOf(space);
        return new MatrixRunner() {
            @Override
            public List<BindQuestion> space() {
                return cells;
            }

            @Override
            public MatrixResult run(int attempts, int parallelism, CancelToken cancel, Consumer<MatrixCell> progress)
                    throws ExperimentException {
                return new BindMatrix(sockets, processes, model, attempts, parallelism).run(cells, cancel, progress);
            }
        };
    }
}
