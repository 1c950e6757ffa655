package org.socketinspector.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.FindingSubject;
import org.socketinspector.rules.Severity;

/**
 * Sockets and open findings indexed by the subject a finding names, built in one pass over each list, so that a
 * report never scans every finding for each socket nor every socket for each finding (issue 18 defect 8: 20,000
 * sockets of one user made that quadratic scan take minutes).
 */
final class SubjectIndex {

    /** The open (not suppressed) findings about one socket: how many and the worst. */
    record Open(int count, Severity worst) {
        static final Open NONE = new Open(0, null);

        Open plus(Severity severity) {
            return new Open(count + 1, worst == null || severity.compareTo(worst) < 0 ? severity : worst);
        }
    }

    private final Map<FindingSubject, SocketRecord> sockets;
    private final Map<FindingSubject, Open> open;

    private SubjectIndex(Map<FindingSubject, SocketRecord> sockets, Map<FindingSubject, Open> open) {
        this.sockets = sockets;
        this.open = open;
    }

    static SubjectIndex of(List<SocketRecord> sockets, List<Finding> findings) {
        Map<FindingSubject, SocketRecord> bySubject = new HashMap<>(sockets.size() * 2);
        for (SocketRecord s : sockets) {
            bySubject.putIfAbsent(FindingSubject.of(s), s); // the first in list order, as a linear search found
        }
        Map<FindingSubject, Open> open = new HashMap<>(findings.size() * 2);
        for (Finding f : findings) {
            if (!f.suppressed() && !f.socket().isHost()) {
                open.merge(f.socket(), Open.NONE.plus(f.severity()), (a, b) -> a.plus(b.worst()));
            }
        }
        return new SubjectIndex(bySubject, open);
    }

    /** The first socket the subject is about, or null (a host finding, or a socket the scan does not list). */
    SocketRecord socket(FindingSubject subject) {
        return subject.isHost() ? null : sockets.get(subject);
    }

    /** The name of the process holding the subject's socket, or null. */
    String processName(FindingSubject subject) {
        SocketRecord s = socket(subject);
        return s == null ? null : Orders.processName(s.process());
    }

    Open open(SocketRecord socket) {
        return open.getOrDefault(FindingSubject.of(socket), Open.NONE);
    }
}
