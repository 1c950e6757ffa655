package org.socketinspector.history;

/** A history row with its full JSON record, as the store hands it to those who read records (reports). */
public record StoredRun(RunSummary run, String json) {
}
