package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.NamespaceInfo;
import org.socketinspector.model.NetNs;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.ToolInfo;
import org.socketinspector.rules.Audit;
import org.socketinspector.store.HistoryStore;

/** {@code history diff} across namespaces: a re-created named namespace keeps its listeners; others are named. */
class HistoryNamespaceDiffTest {

    private static final NetNs HOST = new NetNs(4026531840L, null);

    @TempDir
    Path dir;

    private static SocketRecord listener(int port, int pid, NetNs netns) {
        return new SocketRecord(Protocol.TCP, Family.IPV4, "127.0.0.1", port, null, null, SocketRecord.LISTEN, null,
                pid, ProcessInfo.named("app"), 1000, 5000L + pid, new SocketOptions(false, false, null, null), null,
                null, netns);
    }

    private static Audit audit(List<NetNs> others, SocketRecord... sockets) {
        Scan scan = new Scan(Scan.SCHEMA, ToolInfo.current(), new HostInfo("lab1", "linux", "6.8", 1024, false),
                Instant.parse("2026-11-25T08:00:00Z"), true, List.of("netlink"), List.of(), List.of(sockets))
                .withNamespaces(others.stream().map(n -> new NamespaceInfo(n, 1024, false, null, true)).toList());
        return new Audit(scan, List.of());
    }

    @Test
    void aContainerRestartChangesNothingAndANewNamespaceIsNamed() throws Exception {
        NetNs web = new NetNs(4026532301L, "web");
        NetNs webAgain = new NetNs(4026532777L, "web");
        NetNs db = new NetNs(4026532400L, "db");
        Path file = dir.resolve("h.db");
        try (HistoryStore history = HistoryStore.open(file)) {
            history.saveSnapshot(audit(List.of(web), listener(8080, 100, HOST), listener(8080, 200, web)));
            history.saveSnapshot(audit(List.of(webAgain, db), listener(8080, 100, HOST), listener(8080, 201, webAgain),
                    listener(8080, 300, db)));
        }
        CliRun r = CliRun.run("history", "diff", "S1", "S2", "--db", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("+ tcp 127.0.0.1:8080 pid 300 app", "in netns db (4026532400)",
                "~ tcp 127.0.0.1:8080 pid 201 app", "1 opened, 0 closed, 1 changed");
        assertThat(r.out()).doesNotContain("- tcp");
    }
}
