package org.socketinspector.ui.experiments;

import org.socketinspector.experiment.CancelToken;
import org.socketinspector.experiment.ExperimentException;
import org.socketinspector.experiment.ProbeRecord;
import org.socketinspector.experiment.ProbeRequest;

/** Runs one probe of a live port on a background thread. The real one is {@code new LiveProbe(sockets, processes)::run}. */
@FunctionalInterface
public interface ProbeRunner {
    ProbeRecord run(ProbeRequest request, CancelToken cancel) throws ExperimentException;
}
