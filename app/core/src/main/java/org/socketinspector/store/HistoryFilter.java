package org.socketinspector.store;

import org.socketinspector.history.RunType;

/**
 * Which history rows a listing shows; a null field does not filter.
 *
 * @param type   experiments or snapshots only
 * @param kind   exact kind (probe, replay, matrix, snapshot)
 * @param host   exact host name
 * @param agrees only runs whose outcome agrees (true) or disagrees (false) with the prediction
 */
public record HistoryFilter(RunType type, String kind, String host, Boolean agrees) {

    public static final HistoryFilter ALL = new HistoryFilter(null, null, null, null);

    public static HistoryFilter experiments() {
        return new HistoryFilter(RunType.EXPERIMENT, null, null, null);
    }

    public static HistoryFilter snapshots() {
        return new HistoryFilter(RunType.SNAPSHOT, null, null, null);
    }

    public HistoryFilter withKind(String newKind) {
        return new HistoryFilter(type, newKind, host, agrees);
    }

    public HistoryFilter withHost(String newHost) {
        return new HistoryFilter(type, kind, newHost, agrees);
    }

    public HistoryFilter withAgrees(Boolean newAgrees) {
        return new HistoryFilter(type, kind, host, newAgrees);
    }
}
