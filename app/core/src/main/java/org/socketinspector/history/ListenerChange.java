package org.socketinspector.history;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.socketinspector.model.SocketRecord;

/**
 * A listener present in both scans whose owner or reuse options differ.
 *
 * @param before the socket in the earlier scan
 * @param after  the socket in the later scan
 * @param fields each field that changed, in a fixed order: pid, process, user, then the options
 */
public record ListenerChange(SocketRecord before, SocketRecord after, List<FieldChange> fields) {

    public ListenerChange {
        fields = List.copyOf(fields);
    }

    /**
     * One changed field, values as text ("true", "1234", "nginx").
     *
     * @param field pid, process, user, reuseAddress, reusePort, exclusiveAddressUse or ipv6Only
     */
    public record FieldChange(String field, String before, String after) {
    }

    static ListenerChange of(SocketRecord before, SocketRecord after) {
        List<FieldChange> fields = new ArrayList<>();
        compare(fields, "pid", before, after, SocketRecord::pid);
        compare(fields, "process", before, after, s -> s.process() == null ? null : s.process().name());
        compare(fields, "user", before, after, ListenerChange::user);
        compare(fields, "reuseAddress", before, after, s -> s.options().reuseAddress());
        compare(fields, "reusePort", before, after, s -> s.options().reusePort());
        compare(fields, "exclusiveAddressUse", before, after, s -> s.options().exclusiveAddressUse());
        compare(fields, "ipv6Only", before, after, s -> s.options().ipv6Only());
        return new ListenerChange(before, after, fields);
    }

    /** The owner's user name when known, else the socket's uid: what the collector could see of the user. */
    private static String user(SocketRecord s) {
        if (s.process() != null && s.process().user() != null) {
            return s.process().user();
        }
        return s.uid() == null ? null : "uid " + s.uid();
    }

    private static void compare(List<FieldChange> fields, String name, SocketRecord before, SocketRecord after,
                                Function<SocketRecord, Object> value) {
        Object was = value.apply(before);
        Object is = value.apply(after);
        if (SnapshotDiff.differs(was, is)) {
            fields.add(new FieldChange(name, String.valueOf(was), String.valueOf(is)));
        }
    }
}
