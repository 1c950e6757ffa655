package org.socketinspector.ui.sockets;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.Severity;
import org.socketinspector.semantics.OsFamily;

/**
 * One row of the socket table. A row lives as long as its socket: a refresh calls {@link #update} with the new
 * record, and only the cells whose value changed are told, so selection and scroll position are untouched.
 */
public final class SocketRow {

    /** Highest severity first, rows without findings last. */
    public static final Comparator<Severity> SEVERITY_ORDER = Comparator.nullsLast(Comparator.naturalOrder());

    private final SocketKey key;
    private final String localSortKey;
    private final ReadOnlyObjectWrapper<SocketRecord> socket = new ReadOnlyObjectWrapper<>(this, "socket");
    private final ReadOnlyObjectWrapper<List<Finding>> findings = new ReadOnlyObjectWrapper<>(this, "findings", List.of());
    private final ReadOnlyObjectWrapper<Severity> severity = new ReadOnlyObjectWrapper<>(this, "severity");
    private final ReadOnlyStringWrapper remote = new ReadOnlyStringWrapper(this, "remote");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state");
    private final ReadOnlyObjectWrapper<Integer> pid = new ReadOnlyObjectWrapper<>(this, "pid");
    private final ReadOnlyStringWrapper process = new ReadOnlyStringWrapper(this, "process");
    private final ReadOnlyStringWrapper user = new ReadOnlyStringWrapper(this, "user");
    private final ReadOnlyStringWrapper flags = new ReadOnlyStringWrapper(this, "flags");

    public SocketRow(SocketKey key, SocketRecord record, List<Finding> socketFindings, OsFamily os) {
        this.key = key;
        this.localSortKey = SocketText.endpointSortKey(record.localAddress(), record.localPort());
        update(record, socketFindings, os);
    }

    /** Takes the values of a newer scan (made on {@code os}) of the same socket. */
    public void update(SocketRecord record, List<Finding> socketFindings, OsFamily os) {
        set(socket, record);
        set(findings, List.copyOf(socketFindings));
        set(severity, highest(socketFindings));
        set(remote, SocketText.remote(record));
        set(state, SocketText.state(record));
        set(pid, record.pid());
        set(process, SocketText.process(record));
        set(user, SocketText.user(record));
        set(flags, SocketText.flags(record, os));
    }

    /** The most severe finding that no baseline accepted, or null. */
    public static Severity highest(List<Finding> socketFindings) {
        return socketFindings.stream().filter(f -> !f.suppressed()).map(Finding::severity)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    private static <T> void set(ObjectProperty<T> property, T value) {
        if (!Objects.equals(property.get(), value)) {
            property.set(value);
        }
    }

    private static void set(StringProperty property, String value) {
        if (!Objects.equals(property.get(), value)) {
            property.set(value);
        }
    }

    public SocketKey key() {
        return key;
    }

    /** Sorts local endpoints numerically (see {@link SocketText#endpointSortKey}). */
    public String localSortKey() {
        return localSortKey;
    }

    public String protocol() {
        return key.protocol().wireName();
    }

    public String localEndpoint() {
        return socket.get().localEndpoint();
    }

    public SocketRecord socket() {
        return socket.get();
    }

    public ReadOnlyObjectProperty<SocketRecord> socketProperty() {
        return socket.getReadOnlyProperty();
    }

    public List<Finding> findings() {
        return findings.get();
    }

    public ReadOnlyObjectProperty<List<Finding>> findingsProperty() {
        return findings.getReadOnlyProperty();
    }

    public Severity severity() {
        return severity.get();
    }

    public ReadOnlyObjectProperty<Severity> severityProperty() {
        return severity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty remoteProperty() {
        return remote.getReadOnlyProperty();
    }

    public String state() {
        return state.get();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Integer> pidProperty() {
        return pid.getReadOnlyProperty();
    }

    public String process() {
        return process.get();
    }

    public ReadOnlyStringProperty processProperty() {
        return process.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty userProperty() {
        return user.getReadOnlyProperty();
    }

    public String flags() {
        return flags.get();
    }

    public ReadOnlyStringProperty flagsProperty() {
        return flags.getReadOnlyProperty();
    }

    /** Everything a user may type in the filter field, in lower case. */
    public String searchText() {
        SocketRecord s = socket.get();
        StringBuilder text = new StringBuilder(128).append(protocol()).append(' ').append(s.localEndpoint())
                .append(' ').append(remote.get()).append(' ').append(state.get()).append(' ')
                .append(s.pid() == null ? "" : s.pid()).append(' ').append(process.get()).append(' ')
                .append(user.get()).append(' ').append(flags.get()).append(' ').append(SocketText.severity(severity.get()));
        if (s.process() != null && s.process().commandLine() != null) {
            text.append(' ').append(s.process().commandLine());
        }
        findings.get().forEach(f -> text.append(' ').append(f.rule()));
        return text.toString().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return protocol() + " " + localEndpoint() + " " + state.get() + " " + process.get();
    }
}
