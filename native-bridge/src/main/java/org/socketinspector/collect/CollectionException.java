package org.socketinspector.collect;

import org.socketinspector.error.InspectorException;

/** A scan could not be made at all (as opposed to a limitation, which is reported inside the scan). */
public class CollectionException extends InspectorException {
    public CollectionException(String message) {
        super(message);
    }

    public CollectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
