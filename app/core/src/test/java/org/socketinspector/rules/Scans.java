package org.socketinspector.rules;

import java.time.Instant;
import java.util.List;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.ProbeResult;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.ToolInfo;

/** Small scans built from records, as a collector or an importer would produce them. */
final class Scans {

    static final HostInfo LINUX = new HostInfo("box", "linux", "6.18.44", 1024, false);
    static final HostInfo WINDOWS = new HostInfo("pc", "windows", "10.0.19045", null, null);

    static Scan scan(HostInfo host, SocketRecord... sockets) {
        return new Scan(Scan.SCHEMA, ToolInfo.current(), host, Instant.parse("2026-11-25T12:00:00Z"), true,
                List.of("test"), List.of(), List.of(sockets));
    }

    static SocketRecord tcp(String address, int port, int pid, String name, String user, Integer uid, long inode,
                            SocketOptions options) {
        return new SocketRecord(Protocol.TCP, Family.ofAddress(address), address, port, null, null,
                SocketRecord.LISTEN, null, pid, new ProcessInfo(name, null, null, user, uid, List.of()), uid, inode,
                options, null);
    }

    /** A TCP socket that is bound but neither listening nor connected, as the Linux collector reports it. */
    static SocketRecord boundTcp(String address, int port, int pid, String name, String user, Integer uid, long inode,
                                 SocketOptions options) {
        return new SocketRecord(Protocol.TCP, Family.ofAddress(address), address, port, null, null,
                SocketRecord.BOUND, "CLOSE", pid, new ProcessInfo(name, null, null, user, uid, List.of()), uid, inode,
                options, null);
    }

    static SocketRecord udp(String address, int port, int pid, String name, String user, Integer uid, long inode,
                            SocketOptions options) {
        return new SocketRecord(Protocol.UDP, Family.ofAddress(address), address, port, null, null, null, null, pid,
                new ProcessInfo(name, null, null, user, uid, List.of()), uid, inode, options, null);
    }

    /** Linux options as pidfd_getfd reads them. */
    static SocketOptions linux(boolean reuseAddress, boolean reusePort, Boolean v6only) {
        return new SocketOptions(reuseAddress, reusePort, null, v6only);
    }

    /** Windows options as the safe bind probe learns them. */
    static SocketOptions windows(Boolean reuseAddress, Boolean exclusive, Boolean v6only) {
        return new SocketOptions(reuseAddress, null, exclusive, v6only);
    }

    static SocketRecord withProbe(SocketRecord s, boolean bound, String error) {
        return s.withProbe(new ProbeResult(s.localAddress(), "SO_REUSEADDR", bound, error, bound ? 0 : 10013));
    }

    private Scans() {
    }
}
