package org.socketinspector.ui.experiments;

import java.util.function.Consumer;
import org.socketinspector.experiment.CancelToken;
import org.socketinspector.experiment.ExperimentException;
import org.socketinspector.experiment.ReplayRequest;
import org.socketinspector.experiment.ReplayResult;
import org.socketinspector.experiment.TimelineEvent;

/**
 * Runs one lab replay on a background thread, handing each timeline event to {@code progress} as it happens (on the
 * experiment's threads). The real one is {@code new LabReplay(sockets, processes)::run}.
 */
@FunctionalInterface
public interface ReplayRunner {
    ReplayResult run(ReplayRequest request, CancelToken cancel, Consumer<TimelineEvent> progress) throws ExperimentException;
}
