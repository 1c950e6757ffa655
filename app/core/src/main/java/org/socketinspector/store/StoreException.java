package org.socketinspector.store;

import org.socketinspector.error.InspectorException;

/** The history database could not be used; the message names the file and says why. */
public class StoreException extends InspectorException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
