package org.socketinspector.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.Path;
import org.socketinspector.collect.Accounts;
import org.socketinspector.collect.CollectionException;
import org.socketinspector.collect.MachineFacts;
import org.socketinspector.collect.Platform;
import org.socketinspector.collect.ScanRequest;
import org.socketinspector.collect.SocketCollector;
import org.socketinspector.collect.Source;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.OsKind;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.ToolInfo;
import org.socketinspector.nativeio.ProcessControl;
import org.socketinspector.sockets.NativeSockets;

/**
 * A platform with known sockets, for tests whose subject is a command or a view, not this machine: every source
 * returns the same scan of a Linux host named {@link #HOST}, made at {@link #COLLECTED_AT}, with the sockets it was
 * given. It has no native sockets and no process control (an experiment needs the real machine).
 */
public final class FakePlatform implements Platform {

    public static final String HOST = "fake-host";
    public static final String KERNEL = "6.1.0-fake";
    public static final Instant COLLECTED_AT = Instant.parse("2026-11-25T12:00:00Z");
    /** The accounts the fake knows: uid 0 root, 1000 alice, 65534 nobody. */
    public static final Map<Long, String> USERS = Map.of(0L, "root", 1000L, "alice", 65534L, "nobody");

    private final List<SocketRecord> sockets;
    private final AtomicInteger scans = new AtomicInteger();
    private final List<Source> sourcesAsked = new ArrayList<>();

    private FakePlatform(List<SocketRecord> sockets) {
        this.sockets = List.copyOf(sockets);
    }

    /** A fake whose every scan lists exactly these sockets. */
    public static FakePlatform withSockets(SocketRecord... sockets) {
        return new FakePlatform(List.of(sockets));
    }

    /** A TCP IPv4 listener of process {@code name} (pid, uid 1000 "alice") with these reuse options. */
    public static SocketRecord tcpListener(String address, int port, String name, int pid, boolean reuseAddress,
                                           boolean reusePort) {
        return new SocketRecord(Protocol.TCP, Family.IPV4, address, port, null, null, SocketRecord.LISTEN, null, pid,
                new ProcessInfo(name, "/usr/bin/" + name, name, "alice", 1000, List.of()), 1000, 1000L + port,
                new SocketOptions(reuseAddress, reusePort, null, null), null);
    }

    /** The scan every source returns. */
    public Scan scan() {
        return new Scan(Scan.SCHEMA, ToolInfo.current(), new HostInfo(HOST, "linux", KERNEL, 1024, false),
                COLLECTED_AT, true, List.of("fake"), List.of(), sockets);
    }

    /** How many scans were made through this platform's collectors. */
    public int scans() {
        return scans.get();
    }

    /** The sources collectors were asked for, in order. */
    public synchronized List<Source> sourcesAsked() {
        return List.copyOf(sourcesAsked);
    }

    @Override
    public OsKind os() {
        return OsKind.LINUX;
    }

    @Override
    public synchronized SocketCollector collector(Source source) throws CollectionException {
        sourcesAsked.add(source);
        return new SocketCollector() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public Scan collect(ScanRequest request) {
                scans.incrementAndGet();
                return scan();
            }
        };
    }

    @Override
    public Source crossCheckSource() {
        return Source.SS;
    }

    @Override
    public NativeSockets sockets() {
        throw new UnsupportedOperationException("a fake platform has no native sockets");
    }

    @Override
    public ProcessControl processes() {
        throw new UnsupportedOperationException("a fake platform has no process control");
    }

    @Override
    public Accounts accounts() {
        return new Accounts() {
            @Override
            public String name(long uid) {
                return USERS.get(uid);
            }

            @Override
            public OptionalLong uid(String name) {
                return USERS.entrySet().stream().filter(e -> e.getValue().equals(name))
                        .mapToLong(Map.Entry::getKey).findFirst();
            }

            @Override
            public boolean runningUserFirst() {
                return false;
            }

            @Override
            public Path source() {
                return null;
            }
        };
    }

    @Override
    public MachineFacts machine() {
        return new MachineFacts(HOST, KERNEL);
    }
}
