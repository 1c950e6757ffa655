package org.socketinspector.error;

/**
 * The root of Socket Inspector's own failures: something the user can act on (a capture that cannot be read, a
 * history file that is newer than this program, a bind the OS refused), whose message is one line naming the place
 * and the reason. Callers catch this family, never {@code RuntimeException}: anything else (a
 * {@code NullPointerException}, an {@code IllegalStateException}) is a bug, which the GUI logs with its stack trace
 * instead of showing it as if it were the user's problem.
 *
 * <p>Unchecked, as {@code StoreException} always was: the history store is used from suppliers and lambdas, and
 * turning every member into a checked exception would have spread {@code throws} clauses through every layer for no
 * gain in what the callers do with it.
 */
public abstract class InspectorException extends RuntimeException {

    protected InspectorException(String message) {
        super(message);
    }

    protected InspectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
