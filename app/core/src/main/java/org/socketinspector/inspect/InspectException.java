package org.socketinspector.inspect;

import org.socketinspector.error.InspectorException;

/**
 * A target that cannot be turned into an audit, as one line naming the place and the reason ({@code capture.txt:12:
 * ...}, {@code scan.json: field $.sockets[0].localPort: ...}, {@code fifo: nobody opened it for writing within 30 s
 * ...}). The CLI prints it after {@code socket-inspector: }, the GUI in its error dialog: the same words.
 */
public final class InspectException extends InspectorException {

    public InspectException(String message) {
        super(message);
    }

    public InspectException(String message, Throwable cause) {
        super(message, cause);
    }
}
