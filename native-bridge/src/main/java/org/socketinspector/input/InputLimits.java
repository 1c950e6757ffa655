package org.socketinspector.input;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a {@link BoundedInput} accepts before it stops with an {@link InputException}: the whole input, one
 * line, and the time to wait for the next bytes (a FIFO nobody writes to, a stalled pipe).
 *
 * @param maxBytes     bytes read at most; one byte more is an error, never a silent cut
 * @param maxLineChars characters in one line at most (a line is where memory use grows with the input)
 * @param idleTimeout  longest wait for more bytes, including the wait for a FIFO's writer to open it
 */
public record InputLimits(long maxBytes, int maxLineChars, Duration idleTimeout) {

    /**
     * For captures and other line-oriented text: 1 GiB (the largest capture seen was 200 MB), 64 Ki characters
     * per line (the widest real capture line is a few hundred), 30 s idle.
     */
    public static final InputLimits DEFAULT = new InputLimits(1L << 30, 64 * 1024, Duration.ofSeconds(30));

    /**
     * For structured input (scan JSON, JSON Lines questions): 64 MiB, and a line may be the whole document
     * (compact JSON is one line).
     */
    public static final InputLimits JSON = new InputLimits(64L << 20, 64 << 20, Duration.ofSeconds(30));

    public InputLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxBytes <= 0 || maxLineChars <= 0 || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("input limits must be positive: " + maxBytes + " bytes, "
                    + maxLineChars + " characters per line, " + idleTimeout);
        }
    }

    public InputLimits withMaxBytes(long bytes) {
        return new InputLimits(bytes, maxLineChars, idleTimeout);
    }

    public InputLimits withMaxLineChars(int chars) {
        return new InputLimits(maxBytes, chars, idleTimeout);
    }

    public InputLimits withIdleTimeout(Duration timeout) {
        return new InputLimits(maxBytes, maxLineChars, timeout);
    }

    /** "1 GiB", "64 MiB", "512 KiB", "100 bytes": for error messages. */
    public static String bytesText(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }

    /** "30 s", "250 ms": for error messages. */
    static String durationText(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
