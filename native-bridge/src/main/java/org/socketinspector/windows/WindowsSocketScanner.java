package org.socketinspector.windows;

import org.socketinspector.model.HostInfo;
import org.socketinspector.parse.LoopbackFacts;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.ToolInfo;
import org.socketinspector.sockets.NativeSockets;
import org.socketinspector.sockets.windows.WinsockSockets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A live scan of this Windows machine: the IP Helper socket tables, each owner's details (image path, user,
 * services; Toolhelp32 names where access is denied) and, only when asked, the safe bind probe for
 * {@code exclusiveAddressUse}. Everything native sits behind {@link TableSource}, {@link WindowsProcessInfo} and
 * {@link NativeSockets}, so the assembly is tested on any OS.
 */
public final class WindowsSocketScanner {

    public static final String SOURCE_IPHLPAPI = "iphlpapi";
    public static final String SOURCE_TOOLHELP = "toolhelp";
    public static final String SOURCE_PROBE = "winsock-probe";
    /** The tables came from Wine's emulation of IP Helper, not from Windows (ntdll exports wine_get_version). */
    public static final String SOURCE_WINE = "wine";

    private final TableReader tables;
    private final WindowsProcessInfo processes;
    private final Supplier<NativeSockets> sockets;
    private final Supplier<HostInfo> host;
    private final Clock clock;
    private final Supplier<Optional<String>> wine;

    public WindowsSocketScanner() {
        this(new IpHelperTableSource(), new JnaWindowsProcessInfo(), WinsockSockets::new, WindowsSocketScanner::thisHost,
                Clock.systemUTC(), Wine::version);
    }

    WindowsSocketScanner(TableSource tables, WindowsProcessInfo processes, Supplier<NativeSockets> sockets,
                         Supplier<HostInfo> host, Clock clock, Supplier<Optional<String>> wine) {
        this.tables = new TableReader(tables);
        this.processes = processes;
        this.sockets = sockets;
        this.host = host;
        this.clock = clock;
        this.wine = wine;
    }

    /**
     * @param includeConnections every TCP state (TCP_TABLE_OWNER_PID_ALL), not only listeners (_LISTENER);
     *                           UDP sockets are always all listed
     * @param probeTcp           bind-probe TCP listeners (scan --probe)
     * @param probeUdp           bind-probe UDP sockets (its own switch: a bound UDP probe may receive a datagram)
     * @throws IOException when an IP Helper table cannot be read or decoded
     */
    public Scan scan(boolean includeConnections, boolean probeTcp, boolean probeUdp) throws IOException {
        var collectedAt = clock.instant();
        List<String> sources = new ArrayList<>(List.of(SOURCE_IPHLPAPI, SOURCE_TOOLHELP));
        List<String> limitations = new ArrayList<>();

        List<SocketRecord> records = new ArrayList<>();
        for (TableKind kind : includeConnections
                ? List.of(TableKind.TCP4_ALL, TableKind.TCP6_ALL, TableKind.UDP4, TableKind.UDP6)
                : List.of(TableKind.TCP4_LISTENER, TableKind.TCP6_LISTENER, TableKind.UDP4, TableKind.UDP6)) {
            byte[] buffer = tables.read(kind);
            try {
                records.addAll(IpHelperTableDecoder.decode(kind, buffer));
            } catch (IllegalArgumentException e) {
                throw new IOException(kind.call() + " returned a malformed table: " + e.getMessage(), e);
            }
        }

        Optional<String> wineVersion = wine.get();
        if (wineVersion.isPresent()) {
            sources.add(SOURCE_WINE);
            limitations.addAll(underWine(wineVersion.get(), records));
        }

        TreeSet<Integer> pids = new TreeSet<>();
        records.stream().map(SocketRecord::pid).filter(Objects::nonNull).forEach(pids::add);
        WindowsProcessResolver.Resolution owners = new WindowsProcessResolver(processes).resolve(pids);
        limitations.addAll(owners.limitations());
        Map<Integer, ProcessInfo> byPid = owners.processes();
        records.replaceAll(r -> r.pid() == null ? r : r.withOwner(r.pid(), byPid.get(r.pid())));

        if (probeTcp || probeUdp) {
            ListenerProbe.Outcome probed = new ListenerProbe(sockets.get()).probeAll(records, probeTcp, probeUdp);
            records = probed.sockets();
            limitations.addAll(probed.limitations());
            sources.add(SOURCE_PROBE);
            limitations.add("socket options: Windows has no API to read another process's options; exclusiveAddressUse"
                    + " comes from the safe bind probe" + (probeUdp ? "" : " (TCP only; UDP needs its own switch)")
                    + ", reuseAddress and ipv6Only stay unknown");
        } else {
            limitations.add("socket options: Windows has no API to read another process's options; exclusiveAddressUse"
                    + " is learned only by the safe bind probe (scan --probe), reuseAddress and ipv6Only stay unknown");
        }
        return new Scan(Scan.SCHEMA, ToolInfo.current(), host.get(), collectedAt, processes.elevated(), sources,
                limitations, records);
    }

    /**
     * Wine reports pid 0 for every socket it does not own itself (Linux processes' sockets, sometimes its own), so
     * under Wine 0 means "owner unknown" and becomes null; on Windows 0 stays System Idle.
     */
    private static List<String> underWine(String version, List<SocketRecord> records) {
        List<String> notes = new ArrayList<>();
        notes.add("running under Wine " + version + " (ntdll exports wine_get_version): the tables are Wine's emulation"
                + " of IP Helper, not Windows'; bind semantics are Wine's too");
        long unknown = records.stream().filter(r -> r.pid() != null && r.pid() == 0).count();
        if (unknown > 0) {
            records.replaceAll(r -> r.pid() != null && r.pid() == 0 ? r.withOwner(null, null) : r);
            notes.add("owner unknown for " + unknown + " socket(s): Wine reports pid 0 for sockets of processes outside"
                    + " Wine (and some of its own)");
        }
        return notes;
    }

    /** host.os "windows", os.version as the JVM reports it (e.g. "10.0"); no Linux sysctls. */
    static HostInfo thisHost() {
        String name = System.getenv("COMPUTERNAME");
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                name = "unknown";
            }
        }
        return new HostInfo(name, "windows", System.getProperty("os.version"), null, null, localhost(), null);
    }

    /**
     * What localhost resolves to: the hosts file's entries when it has any; else Windows' own answer (since Windows 7
     * "localhost name resolution is handled within DNS itself", as the stock hosts file says), ::1 then 127.0.0.1 in
     * the order of the default prefix policy table (::1 precedence 50, IPv4 35). A changed prefix policy table
     * (netsh interface ipv6 set prefixpolicy) is not read.
     */
    static List<String> localhost() {
        String root = System.getenv("SystemRoot");
        Path hosts = Path.of(root == null ? "C:\\Windows" : root,
                "System32", "drivers", "etc", "hosts");
        try {
            List<String> order = LoopbackFacts.localhost(
                    Files.readString(hosts, StandardCharsets.ISO_8859_1), "");
            return order.isEmpty() ? List.of("::1", "127.0.0.1") : order;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
