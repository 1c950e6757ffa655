package org.socketinspector.windows;

import com.sun.jna.platform.win32.WinError;
import java.io.IOException;

/**
 * Reads one IP Helper table completely: asks for the size, allocates it plus some rows of slack, and retries while
 * the API answers ERROR_INSUFFICIENT_BUFFER, because connections open between the two calls. The retries are
 * bounded (as OSHI does) so that a table growing faster than we can allocate, or an API that keeps asking for more,
 * ends in a clear error instead of a loop.
 */
public final class TableReader {

    /** Size query + first read + a few retries; a busy server rarely needs more than one retry. */
    public static final int MAX_ATTEMPTS = 8;
    /** Rows added to the size the API asked for (MS Learn suggests "some extra"): covers a few new connections. */
    public static final int SLACK_ROWS = 16;
    /** No real table comes near this (a million 56-byte rows is 56 MB): a bigger request is a broken answer. */
    public static final int MAX_BUFFER = 64 * 1024 * 1024;

    private final TableSource source;

    public TableReader(TableSource source) {
        this.source = source;
    }

    /** The bytes of the table, header first; may end in unused slack. */
    public byte[] read(TableKind kind) throws IOException {
        int bufferSize = 0;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            TableSource.Attempt result = source.fetch(kind, bufferSize);
            if (result.status() == WinError.NO_ERROR) {
                // Success without a buffer can only mean there was nothing to write: an empty table.
                return bufferSize == 0 ? new byte[TableKind.HEADER_SIZE] : result.buffer();
            }
            if (result.status() != WinError.ERROR_INSUFFICIENT_BUFFER) {
                throw new IOException(kind.call() + " failed with Win32 error " + result.status());
            }
            long next = (long) result.requiredSize() + (long) SLACK_ROWS * kind.rowSize();
            if (result.requiredSize() <= 0 || next > MAX_BUFFER) {
                throw new IOException(kind.call() + " asked for a buffer of " + result.requiredSize()
                        + " bytes (allowed: 1.." + (MAX_BUFFER - SLACK_ROWS * kind.rowSize()) + ")");
            }
            bufferSize = (int) next;
        }
        throw new IOException(kind.call() + " still answered ERROR_INSUFFICIENT_BUFFER after "
                + MAX_ATTEMPTS + " calls: the table grows faster than it can be read");
    }
}
