package org.socketinspector.windows;

/**
 * One call of {@code GetExtendedTcpTable} / {@code GetExtendedUdpTable} with a buffer of a given size. Kept this
 * small so that {@link TableReader}'s retry loop is tested with a fake table that grows between calls.
 */
public interface TableSource {

    /**
     * Calls the API for this table with a buffer of {@code bufferSize} bytes (0: no buffer, to ask for the size).
     *
     * @return the API's status, the size it reported in {@code *pdwSize}, and on NO_ERROR the buffer's bytes
     */
    Attempt fetch(TableKind kind, int bufferSize);

    /**
     * @param status       the DWORD the API returned: NO_ERROR (0), ERROR_INSUFFICIENT_BUFFER (122), ...
     * @param requiredSize {@code *pdwSize} after the call
     * @param buffer       the buffer's bytes when status is NO_ERROR, else empty
     */
    record Attempt(int status, int requiredSize, byte[] buffer) {
    }
}
