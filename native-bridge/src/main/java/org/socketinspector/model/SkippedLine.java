package org.socketinspector.model;

/**
 * A line of an imported capture that should have been a socket and could not be read.
 *
 * @param line   1-based line number in the file
 * @param reason why, e.g. {@code expected a numeric IP address in the local address (2nd column)}
 * @param text   the line as written (control characters kept; writers escape them)
 */
public record SkippedLine(long line, String reason, String text) {
}
