package org.socketinspector.store;

/**
 * A window of a listing, newest first.
 *
 * @param limit  rows per page, 1 to {@link #MAX_LIMIT}
 * @param offset rows to skip
 */
public record Page(int limit, int offset) {

    public static final int MAX_LIMIT = 1000;
    public static final Page FIRST = new Page(50, 0);

    public Page {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("page limit must be 1 to " + MAX_LIMIT + ", found " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("page offset must be 0 or more, found " + offset);
        }
    }

    /** Page number {@code number} (1-based) of {@code size} rows. */
    public static Page number(int number, int size) {
        if (number < 1) {
            throw new IllegalArgumentException("page number must be 1 or more, found " + number);
        }
        return new Page(size, Math.multiplyExact(number - 1, size));
    }

    public Page next() {
        return new Page(limit, offset + limit);
    }
}
