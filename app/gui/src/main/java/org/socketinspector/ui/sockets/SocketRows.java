package org.socketinspector.ui.sockets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.FindingSubject;
import org.socketinspector.semantics.OsFamily;

/**
 * The rows of a socket table, kept across scans: a socket seen again keeps its row object (updated in place), a
 * vanished socket's row is removed, a new one is appended. The list is never replaced, so a table bound to it keeps
 * its selection and scroll position. Must be used on the thread that owns the table (the FX thread).
 */
public final class SocketRows {

    private final ObservableList<SocketRow> rows = FXCollections.observableArrayList();
    private final Map<SocketKey, SocketRow> byKey = new HashMap<>();

    public ObservableList<SocketRow> rows() {
        return rows;
    }

    /** Shows a new scan made on {@code os}. Returns how many rows were added, updated and removed. */
    public Change show(List<SocketRecord> sockets, List<Finding> findings, OsFamily os) {
        Map<FindingSubject, List<Finding>> bySubject = new HashMap<>();
        for (Finding f : findings) {
            bySubject.computeIfAbsent(f.socket(), s -> new ArrayList<>()).add(f);
        }
        List<SocketKey> keys = SocketKey.keysOf(sockets);
        Map<SocketKey, SocketRecord> incoming = new LinkedHashMap<>();
        for (int i = 0; i < sockets.size(); i++) {
            incoming.put(keys.get(i), sockets.get(i));
        }
        List<SocketRow> gone = rows.stream().filter(r -> !incoming.containsKey(r.key())).toList();
        rows.removeAll(gone);
        gone.forEach(r -> byKey.remove(r.key()));

        List<SocketRow> added = new ArrayList<>();
        int updated = 0;
        for (Map.Entry<SocketKey, SocketRecord> e : incoming.entrySet()) {
            List<Finding> own = bySubject.getOrDefault(FindingSubject.of(e.getValue()), List.of());
            SocketRow row = byKey.get(e.getKey());
            if (row == null) {
                row = new SocketRow(e.getKey(), e.getValue(), own, os);
                byKey.put(e.getKey(), row);
                added.add(row);
            } else {
                row.update(e.getValue(), own, os);
                updated++;
            }
        }
        rows.addAll(added);
        return new Change(added.size(), updated, gone.size());
    }

    /** What one {@link #show} did. */
    public record Change(int added, int updated, int removed) {
    }
}
