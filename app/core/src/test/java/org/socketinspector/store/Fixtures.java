package org.socketinspector.store;

import java.time.Instant;
import java.util.List;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.ToolInfo;
import org.socketinspector.rules.Attacker;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.FindingSubject;
import org.socketinspector.rules.Severity;

/** Small, real-looking history content for the store tests. */
final class Fixtures {

    static final Instant BASE = Instant.parse("2026-11-25T08:00:00Z");

    private Fixtures() {
    }

    /** Experiment number {@code i}: started i minutes after BASE, agreeing unless i is a multiple of 3. */
    static ExperimentEntry experiment(String kind, int i) {
        Instant start = BASE.plusSeconds(60L * i);
        return new ExperimentEntry(kind, "run " + i, start, start.plusSeconds(2), "lab" + (i % 2), "0.1.0",
                i % 3 != 0, "outcome " + i, "{\"run\":" + i + "}");
    }

    static SocketRecord listener(int port, int pid, String process) {
        return new SocketRecord(Protocol.TCP, Family.IPV4, "0.0.0.0", port, null, null, SocketRecord.LISTEN, null,
                pid, ProcessInfo.named(process), 0, 1000L + port, new SocketOptions(true, false, null, null), null);
    }

    static Audit audit(SocketRecord... sockets) {
        Scan scan = new Scan(Scan.SCHEMA, new ToolInfo(ToolInfo.NAME, "0.1.0"),
                new HostInfo("lab1", "linux", "6.8", 1024, false), BASE, true, List.of("netlink"), List.of(),
                List.of(sockets));
        Finding finding = new Finding("LINUX-REUSEPORT-GROUP", Severity.HIGH, FindingSubject.of(sockets[0]),
                Attacker.SAME_USER, "port can be shared", "explained", "fix it", List.of("man 7 socket"), false);
        return new Audit(scan, List.of(finding));
    }
}
