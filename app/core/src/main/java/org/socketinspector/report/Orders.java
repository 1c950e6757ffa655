package org.socketinspector.report;

import static java.util.Comparator.comparing;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsFirst;

import java.util.Comparator;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.FindingSubject;

/** The stable orders every report uses, so that the same input always gives the same bytes. */
final class Orders {

    private Orders() {
    }

    static final Comparator<SocketRecord> SOCKETS = comparing(SocketRecord::protocol)
            .thenComparingInt(SocketRecord::localPort)
            .thenComparing(SocketRecord::family)
            .thenComparing(SocketRecord::localAddress)
            .thenComparing(SocketRecord::state, nullsFirst(naturalOrder()))
            .thenComparing(SocketRecord::remoteAddress, nullsFirst(naturalOrder()))
            .thenComparing(SocketRecord::remotePort, nullsFirst(naturalOrder()))
            .thenComparing(SocketRecord::pid, nullsFirst(naturalOrder()))
            .thenComparing(s -> processName(s.process()), nullsFirst(naturalOrder()))
            .thenComparing(SocketRecord::inode, nullsFirst(naturalOrder()));

    static final Comparator<FindingSubject> SUBJECTS = comparing(FindingSubject::protocol, nullsFirst(naturalOrder()))
            .thenComparing(FindingSubject::localPort, nullsFirst(naturalOrder()))
            .thenComparing(FindingSubject::family, nullsFirst(naturalOrder()))
            .thenComparing(FindingSubject::localAddress, nullsFirst(naturalOrder()))
            .thenComparing(FindingSubject::pid, nullsFirst(naturalOrder()));

    static final Comparator<Finding> FINDINGS = comparing(Finding::suppressed)
            .thenComparing(Finding::severity)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::socket, SUBJECTS)
            .thenComparing(Finding::attacker, nullsFirst(naturalOrder()))
            .thenComparing(Finding::title, nullsFirst(naturalOrder()));

    static String processName(ProcessInfo process) {
        return process == null ? null : process.name();
    }
}
