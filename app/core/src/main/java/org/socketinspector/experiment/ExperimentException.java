package org.socketinspector.experiment;

import org.socketinspector.error.InspectorException;

/** An experiment cannot run (unsafe address, missing privilege, helper failure...); the message says why. */
public class ExperimentException extends InspectorException {
    public ExperimentException(String message) {
        super(message);
    }
}
