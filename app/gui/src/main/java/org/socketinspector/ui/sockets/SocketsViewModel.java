package org.socketinspector.ui.sockets;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.socketinspector.model.Scan;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;
import org.socketinspector.semantics.OsFamily;

/**
 * State of a socket table with its filter, selection, side panel and status line; shared by the live view and
 * capture tabs. Usable without a window (tests create it on any thread and never show it).
 */
public final class SocketsViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final SocketRows rows = new SocketRows();
    private final FilteredList<SocketRow> filtered = new FilteredList<>(rows.rows());
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<SocketRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Audit> audit = new ReadOnlyObjectWrapper<>(this, "audit");
    private final ReadOnlyObjectWrapper<SocketDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyBooleanWrapper updating = new ReadOnlyBooleanWrapper(this, "updating");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Scanning…");
    private final ObservableList<String> limitations = FXCollections.observableArrayList();
    private final ObservableList<Finding> hostFindings = FXCollections.observableArrayList();
    private final InvalidationListener refreshDetails = o -> details.set(detailsOf(selected.get()));

    public SocketsViewModel() {
        filter.addListener((o, was, now) -> filtered.setPredicate(matching(now)));
        filtered.addListener((Observable o) -> updateStatus());
        selected.addListener((o, was, now) -> {
            if (was != null) {
                was.socketProperty().removeListener(refreshDetails);
                was.findingsProperty().removeListener(refreshDetails);
            }
            if (now != null) {
                now.socketProperty().addListener(refreshDetails);
                now.findingsProperty().addListener(refreshDetails);
            }
            details.set(detailsOf(now));
        });
    }

    /** Shows a scan (and its findings); rows of sockets seen before are updated in place. */
    public SocketRows.Change show(Audit newAudit) {
        SocketRows.Change change;
        updating.set(true);
        try {
            change = rows.show(newAudit.scan().sockets(), newAudit.findings(), OsFamily.of(newAudit.scan().host()));
        } finally {
            updating.set(false);
        }
        audit.set(newAudit);
        limitations.setAll(newAudit.scan().limitations());
        hostFindings.setAll(newAudit.findings().stream().filter(f -> f.socket() == null || f.socket().isHost()).toList());
        if (selected.get() != null && !rows.rows().contains(selected.get())) {
            selected.set(null);
        }
        updateStatus();
        return change;
    }

    /** Every whitespace-separated word must occur in a row's text (case-insensitive); "port:N" matches the local port exactly. */
    static Predicate<SocketRow> matching(String text) {
        String[] words = text == null ? new String[0] : text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return null;
        }
        return row -> {
            String haystack = row.searchText();
            return Arrays.stream(words).allMatch(word -> word.startsWith("port:")
                    ? word.substring(5).equals(Integer.toString(row.socket().localPort()))
                    : haystack.contains(word));
        };
    }

    private void updateStatus() {
        Audit a = audit.get();
        if (a == null) {
            return;
        }
        status.set(statusLine(a.scan(), filtered.size(), rows.rows().size()));
    }

    /** "Source: netlink, procfs-fd · privileged · 12 of 40 sockets shown · scanned 13:20:05". */
    public static String statusLine(Scan scan, int shown, int total) {
        String source = scan.sources().isEmpty() ? "unknown source" : "Source: " + String.join(", ", scan.sources());
        String privilege = scan.privileged() ? "privileged" : "not privileged (other users' owners and options may be hidden)";
        String count = shown == total ? total + (total == 1 ? " socket" : " sockets")
                : shown + " of " + total + " sockets shown";
        String host = scan.host() == null || scan.host().name() == null ? "" : "Host " + scan.host().name() + " · ";
        String when = scan.collectedAt() == null ? "" : " · scanned " + TIME.format(scan.collectedAt());
        return host + source + " · " + privilege + " · " + count + when;
    }

    private static SocketDetails detailsOf(SocketRow row) {
        return row == null ? null : SocketDetails.of(row.socket(), row.findings());
    }

    public ObservableList<SocketRow> rows() {
        return rows.rows();
    }

    /** The rows that pass the filter; the view sorts them. */
    public FilteredList<SocketRow> filteredRows() {
        return filtered;
    }

    /**
     * True while a scan is being applied. A table's selection model follows row indices, which shift when rows
     * come and go; the table ignores its own selection changes meanwhile and restores the selected row after.
     */
    public ReadOnlyBooleanProperty updatingProperty() {
        return updating.getReadOnlyProperty();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<SocketRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Audit> auditProperty() {
        return audit.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SocketDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<String> limitations() {
        return limitations;
    }

    /** Findings about the host itself (e.g. LOW-PRIVILEGED-PORT-START). */
    public ObservableList<Finding> hostFindings() {
        return hostFindings;
    }

    public List<Finding> allFindings() {
        return audit.get() == null ? List.of() : audit.get().findings();
    }
}
