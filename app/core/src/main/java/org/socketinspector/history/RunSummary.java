package org.socketinspector.history;

import java.time.Instant;

/**
 * One row of a history listing: the indexed columns only, never the full JSON, so that a page of 10,000 runs stays
 * cheap. For a snapshot, {@code startedAt} is when the scan was collected, {@code endedAt} is null, {@code agrees} is
 * null and {@code outcome} says how many listeners and findings it holds.
 */
public record RunSummary(HistoryId id, String kind, String title, Instant startedAt, Instant endedAt, String host,
                         String toolVersion, Boolean agrees, String outcome) {
}
