package org.socketinspector.ui.experiments;

import org.socketinspector.experiment.CancelToken;
import org.socketinspector.experiment.ExperimentException;
import org.socketinspector.experiment.ReplayRequest;
import org.socketinspector.experiment.ReplayResult;

/** Runs one lab replay; called on a background thread. The real one is {@code new LabReplay(sockets)::run}. */
@FunctionalInterface
public interface ReplayRunner {
    ReplayResult run(ReplayRequest request, CancelToken cancel) throws ExperimentException;
}
