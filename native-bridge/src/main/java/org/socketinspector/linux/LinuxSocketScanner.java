package org.socketinspector.linux;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.socketinspector.model.AddressText;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.NetNs;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.ToolInfo;

/**
 * A live scan of this Linux machine: the kernel's socket table (sock_diag, else /proc/net), each socket's owner
 * (/proc/&lt;pid&gt;/fd) and its real reuse options (pidfd_getfd + getsockopt). What it cannot see becomes one
 * aggregated line in {@link Scan#limitations()}. Reusable for repeated scans (the GUI refresh); not thread-safe.
 */
public final class LinuxSocketScanner {

    public static final String SOURCE_NETLINK = "netlink";
    public static final String SOURCE_PROC_NET = "procfs-net";
    public static final String SOURCE_PROC_FD = "procfs-fd";
    public static final String SOURCE_PIDFD = "pidfd-getsockopt";

    private static final Comparator<String> TEXT_NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Integer> NUMBER_NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    /** Protocol, local port, family, local address, remote endpoint; written out because sorting 60,000 rows with
     * a chain of key extractors was the largest Java cost of a repeated scan. */
    private static final Comparator<SocketRecord> ORDER = (a, b) -> {
        int c = a.protocol().compareTo(b.protocol());
        if (c == 0) {
            c = Integer.compare(a.localPort(), b.localPort());
        }
        if (c == 0) {
            c = a.family().compareTo(b.family());
        }
        if (c == 0) {
            c = a.localAddress().compareTo(b.localAddress());
        }
        if (c == 0) {
            c = Objects.compare(a.remoteAddress(), b.remoteAddress(), TEXT_NULLS_FIRST);
        }
        if (c == 0) {
            c = Objects.compare(a.remotePort(), b.remotePort(), NUMBER_NULLS_FIRST);
        }
        return c;
    };

    private final Path proc;
    /** Where {@code ip netns} keeps its names (bind mounts of the namespaces). */
    private final Path runNetns;
    private final UserNames users;
    private final ProcessReader processReader;
    /**
     * A full /proc fd pass is made at least every this many scans. In between, a repeated scan (the GUI refresh)
     * reuses the last pass's owners as long as every socket was seen by it and each cached owner is confirmed by
     * the socket cookie when its options are read; any doubt triggers a full pass at once. The one thing this
     * delays (by at most this many scans) is a socket that no visible process held and that one now holds.
     */
    static final int FULL_PASS_EVERY = 10;
    private SocketOwners lastOwners;
    private int scansSinceFullPass;

    /** Null when the /proc/net fallback is forced (tests). */
    private final NetlinkSockDiag netlink;

    public LinuxSocketScanner() {
        this(Path.of("/proc"), Path.of("/etc/passwd"), true);
    }

    LinuxSocketScanner(Path proc, Path passwd, boolean useNetlink) {
        this(proc, passwd, useNetlink, Path.of("/run/netns"));
    }

    LinuxSocketScanner(Path proc, Path passwd, boolean useNetlink, Path runNetns) {
        this.proc = proc;
        this.runNetns = runNetns;
        this.users = new UserNames(passwd);
        this.processReader = new ProcessReader(proc, users);
        this.netlink = useNetlink ? new NetlinkSockDiag() : null;
    }

    /**
     * @param includeConnections every TCP state, not only listeners (UDP sockets are always all listed)
     * @throws IOException when neither sock_diag nor /proc/net can be read
     */
    public Scan scan(boolean includeConnections) throws IOException {
        Instant collectedAt = Instant.now();
        boolean privileged = LinuxHost.privileged(proc);
        List<String> sources = new ArrayList<>();
        List<String> limitations = new ArrayList<>();
        HostInfo host = LinuxHost.read(proc);
        // sock_diag and /proc/net list the sockets of this process's namespace only: every record is in it
        NetNs netns = NetworkNamespace.ofSelf(proc, runNetns);
        List<DiagSocket> table = socketTable(includeConnections, host.osVersion(), sources, limitations);
        users.refresh();

        Set<Long> inodes = new HashSet<>(table.size() * 2);
        for (DiagSocket s : table) {
            if (s.inode() != 0) {
                inodes.add(s.inode());
            }
        }
        Attribution attribution = canReuseOwners(table, inodes)
                ? attribute(table, lastOwners, privileged, true, netns) : null;
        if (attribution == null) {
            lastOwners = SocketOwners.scan(proc, inodes);
            scansSinceFullPass = 0;
            attribution = attribute(table, lastOwners, privileged, false, netns);
        } else {
            scansSinceFullPass++;
        }
        sources.add(SOURCE_PROC_FD);
        if (attribution.optionsRead() > 0) {
            sources.add(SOURCE_PIDFD);
        }
        limitations.addAll(attribution.limitations());
        List<SocketRecord> records = attribution.records();
        records.sort(ORDER);
        return new Scan(Scan.SCHEMA, ToolInfo.current(), host, collectedAt, privileged,
                sources, limitations, records);
    }

    /**
     * Whether the owners of the last /proc pass may be tried again: every socket was seen by that pass and has a
     * cookie (sock_diag) that proves, when its options are read, that the cached descriptor still holds it.
     */
    private boolean canReuseOwners(List<DiagSocket> table, Set<Long> inodes) {
        if (lastOwners == null || scansSinceFullPass + 1 >= FULL_PASS_EVERY) {
            return false;
        }
        for (DiagSocket s : table) {
            if (s.inode() != 0 && s.cookie() == 0) {
                return false;
            }
        }
        return lastOwners.covers(inodes);
    }

    private record Attribution(List<SocketRecord> records, List<String> limitations, int optionsRead) {
    }

    /**
     * Attributes every socket to its owner and reads its options.
     *
     * @param cached the owners come from an earlier pass: null is returned if one of them is not confirmed
     */
    private Attribution attribute(List<DiagSocket> table, SocketOwners owners, boolean privileged, boolean cached,
                                  NetNs netns) {
        SocketOptionReader.Result[] results = readOptions(table, owners);
        Map<Integer, ProcessInfo> processes = new HashMap<>();
        Map<Integer, String> zones = new HashMap<>();
        Tally unowned = new Tally("owner unknown for");
        Tally unknownOptions = new Tally("reuse options unknown for");
        int optionsRead = 0;
        List<SocketRecord> records = new ArrayList<>(table.size());
        for (int i = 0; i < table.size(); i++) {
            DiagSocket s = table.get(i);
            SocketOwners.FdRef owner = s.inode() == 0 ? null : owners.owner(s.inode());
            Integer pid = null;
            ProcessInfo process = null;
            SocketOptions options = new SocketOptions(null, null, null, s.v6only());
            if (owner != null) {
                SocketOptionReader.Result result = results[i];
                if (cached && result.options() == null) {
                    return null; // an unconfirmed cached owner is never reported: look again
                }
                pid = owner.pid();
                process = processes.computeIfAbsent(owner.pid(), processReader::read);
                if (result.options() != null) {
                    options = result.options().ipv6Only() == null
                            ? result.options().withIpv6Only(s.v6only()) : result.options();
                    optionsRead++;
                } else {
                    unknownOptions.add(result.failure());
                }
            } else if (s.inode() != 0) {
                unowned.add(ownerHiddenReason(privileged, owners.hiddenProcesses()));
                unknownOptions.add("owner unknown");
            }
            records.add(record(s, pid, process, options, zones, netns));
        }
        List<String> limitations = new ArrayList<>(unowned.lines());
        limitations.addAll(unknownOptions.lines());
        return new Attribution(records, limitations, optionsRead);
    }

    /** Sockets per parallel slice of option reading; each slice opens its own pidfds (once per process). */
    private static final int SOCKETS_PER_SLICE = 4096;

    /**
     * Reads the options of every owned socket, in parallel slices: five system calls per socket are most of a
     * repeated scan's time. Entry i belongs to table entry i; null where the socket has no owner.
     */
    private static SocketOptionReader.Result[] readOptions(List<DiagSocket> table, SocketOwners owners) {
        SocketOptionReader.Result[] results = new SocketOptionReader.Result[table.size()];
        int slices = (table.size() + SOCKETS_PER_SLICE - 1) / SOCKETS_PER_SLICE;
        IntStream.range(0, slices).parallel().forEach(slice -> {
            try (SocketOptionReader reader = new SocketOptionReader()) {
                int end = Math.min(table.size(), (slice + 1) * SOCKETS_PER_SLICE);
                for (int i = slice * SOCKETS_PER_SLICE; i < end; i++) {
                    DiagSocket s = table.get(i);
                    SocketOwners.FdRef owner = s.inode() == 0 ? null : owners.owner(s.inode());
                    if (owner != null) {
                        results[i] = reader.read(owner.pid(), owner.fd(), s.cookie(), s.family(),
                                s.state() == TcpStates.LISTEN, s.protocol() == Protocol.TCP);
                    }
                }
            }
        });
        return results;
    }

    /** @param kernelRelease decides whether sock_diag can list bound-inactive TCP sockets (Linux 6.8+) */
    private List<DiagSocket> socketTable(boolean includeConnections, String kernelRelease, List<String> sources,
                                         List<String> limitations) throws IOException {
        int tcpStates = TcpStates.tcpMask(includeConnections);
        try {
            if (netlink == null) {
                throw new IOException("disabled");
            }
            List<DiagSocket> table = netlink.dump(tcpStates);
            sources.add(SOURCE_NETLINK);
            if (!TcpStates.listsBoundInactive(kernelRelease)) {
                // The kernel ignores the state bit it does not know: the dump succeeds, without these sockets.
                limitations.add("kernel " + kernelRelease + " is older than Linux " + BOUND_INACTIVE_SINCE + ": sock_diag"
                        + " does not list TCP sockets that are bound but not listening, so TCP-BOUND-REUSEADDR cannot"
                        + " be checked");
            }
            return table;
        } catch (IOException e) {
            List<DiagSocket> table = procNet(tcpStates);
            sources.add(SOURCE_PROC_NET);
            limitations.add("sock_diag netlink unavailable (" + e.getMessage() + "): read /proc/net/{tcp,tcp6,udp,udp6}"
                    + " instead, which do not show IPV6_V6ONLY nor TCP sockets that are bound but not listening");
            return table;
        }
    }

    private static final String BOUND_INACTIVE_SINCE = TcpStates.BOUND_INACTIVE_SINCE_MAJOR + "."
            + TcpStates.BOUND_INACTIVE_SINCE_MINOR;

    private List<DiagSocket> procNet(int tcpStates) throws IOException {
        ProcNetParser parser = new ProcNetParser(ByteOrder.nativeOrder());
        List<DiagSocket> table = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            for (Family family : Family.values()) {
                String name = protocol.wireName() + (family == Family.IPV6 ? "6" : "");
                Path file = proc.resolve("net").resolve(name);
                if (!Files.exists(file)) {
                    continue; // no IPv6 in this kernel
                }
                for (DiagSocket s : parser.parse(file.toString(), Files.readString(file), protocol, family)) {
                    if (protocol == Protocol.UDP || (tcpStates & (1 << s.state())) != 0) {
                        table.add(s);
                    }
                }
            }
        }
        return table;
    }

    private static String ownerHiddenReason(boolean privileged, int hiddenProcesses) {
        if (!privileged && hiddenProcesses > 0) {
            return "not found in the descriptors this user can read (" + hiddenProcesses
                    + " processes' /proc/<pid>/fd need root)";
        }
        return "no /proc/<pid>/fd holds the socket (owner in another PID namespace, or closed during the scan)";
    }

    private SocketRecord record(DiagSocket s, Integer pid, ProcessInfo process, SocketOptions options,
                                Map<Integer, String> zones, NetNs netns) {
        String state = s.protocol() == Protocol.TCP ? TcpStates.tcpName(s.state())
                : s.state() == TcpStates.ESTABLISHED ? SocketRecord.ESTABLISHED : null;
        // BOUND is this project's name; the kernel itself reports TCP_CLOSE for it.
        String nativeState = SocketRecord.BOUND.equals(state) ? TcpStates.name(s.state()) : null;
        String local = s.localAddress();
        if (s.interfaceIndex() != 0 && local.startsWith("fe80:")) {
            local = AddressText.withZone(local, zones.computeIfAbsent(s.interfaceIndex(), LinuxSocketScanner::zone));
        }
        return new SocketRecord(s.protocol(), s.family(), local, s.localPort(), s.remoteAddress(),
                s.remoteAddress() == null ? null : s.remotePort(), state, nativeState, pid, process,
                s.uid() == null ? null : (int) (long) s.uid(),
                s.inode() == 0 ? null : s.inode(), options, null, null, netns);
    }

    private static String zone(int interfaceIndex) {
        try {
            NetworkInterface nic = NetworkInterface.getByIndex(interfaceIndex);
            return nic == null ? Integer.toString(interfaceIndex) : nic.getName();
        } catch (SocketException e) {
            return Integer.toString(interfaceIndex);
        }
    }
}
