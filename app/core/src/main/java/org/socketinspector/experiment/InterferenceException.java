package org.socketinspector.experiment;

/**
 * A bind or listen of an experiment was refused while a socket that is not the experiment's own held the port
 * (another user's race, another program): the refusal says nothing of the case, so there is no verdict (issue 18,
 * defect 6). The message is one line: "interfered/inconclusive: ... port P taken by uid X pid Y ...".
 */
public final class InterferenceException extends ExperimentException {
    public InterferenceException(String message) {
        super(message);
    }
}
