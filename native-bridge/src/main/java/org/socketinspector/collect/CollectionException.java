package org.socketinspector.collect;

/** A scan could not be made at all (as opposed to a limitation, which is reported inside the scan). */
public class CollectionException extends Exception {
    public CollectionException(String message) {
        super(message);
    }

    public CollectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
