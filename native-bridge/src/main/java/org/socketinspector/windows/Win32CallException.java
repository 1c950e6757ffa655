package org.socketinspector.windows;

import org.socketinspector.error.InspectorException;

/**
 * A Win32 call failed with a GetLastError code. (jna-platform's Win32Exception formats its message through
 * kernel32, so it cannot even be constructed off Windows; this one can, for the tests.)
 */
public class Win32CallException extends InspectorException {
    private final String call;
    private final int errorCode;

    public Win32CallException(String call, int errorCode) {
        super(call + " failed with Win32 error " + errorCode);
        this.call = call;
        this.errorCode = errorCode;
    }

    public String call() {
        return call;
    }

    public int errorCode() {
        return errorCode;
    }
}
