package org.socketinspector.experiment;

/** An experiment cannot run (unsafe address, missing privilege, helper failure...); the message says why. */
public class ExperimentException extends Exception {
    public ExperimentException(String message) {
        super(message);
    }
}
