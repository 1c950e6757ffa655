package org.socketinspector.sockets;

import org.socketinspector.error.InspectorException;

/**
 * A native socket call failed. Carries the OS's error name (EADDRINUSE, EACCES, WSAEADDRINUSE, WSAEACCES, ...)
 * and number, so that experiments can compare them with the bind-semantics model's prediction.
 */
public class NativeSocketException extends InspectorException {
    private final String call;
    private final String errorName;
    private final int errorCode;

    public NativeSocketException(String call, String errorName, int errorCode, String detail) {
        super(call + " failed: " + errorName + " (" + errorCode + ")" + (detail == null ? "" : ": " + detail));
        this.call = call;
        this.errorName = errorName;
        this.errorCode = errorCode;
    }

    /** The call that failed: socket, setsockopt, bind, listen, ... */
    public String call() {
        return call;
    }

    public String errorName() {
        return errorName;
    }

    public int errorCode() {
        return errorCode;
    }
}
