package org.socketinspector.model;

/**
 * One socket as a collector or an importer saw it. This is the row of the scan JSON contract
 * ({@code socket-inspector/scan/2}); see docs/json-contract.md.
 *
 * @param protocol      tcp or udp
 * @param family        ipv4 or ipv6
 * @param localAddress  canonical text (IPv6 compressed, no brackets, zone as %eth0)
 * @param localPort     local port
 * @param remoteAddress remote address, null for listeners and unconnected UDP
 * @param remotePort    remote port, null for listeners and unconnected UDP
 * @param state         Linux TCP state name (LISTEN, ESTABLISHED, ..., BOUND); null for unconnected UDP
 * @param nativeState   the state as the source named it (e.g. Windows MIB_TCP_STATE 2, "ABHÖREN"), or null
 * @param pid           owning process id, null when the owner could not be seen
 * @param process       owning process details, null when unknown
 * @param uid           owning user id as the kernel reports it for the socket (Unix), else null
 * @param inode         socket inode (Linux), else null
 * @param options       reuse options; never null, its fields may be
 * @param probe         result of a safe bind probe, when one was made
 * @param names         names an imported capture printed instead of numbers, null when there were none
 *                      (an addition to scan/1: written only when present)
 * @param netns         the network namespace the socket lives in; never null ({@link NetNs#UNKNOWN} when not
 *                      identified: captures, Windows, version-1 documents)
 */
public record SocketRecord(Protocol protocol, Family family, String localAddress, int localPort,
                           String remoteAddress, Integer remotePort, String state, String nativeState,
                           Integer pid, ProcessInfo process, Integer uid, Long inode,
                           SocketOptions options, ProbeResult probe, EndpointNames names, NetNs netns) {

    public static final String LISTEN = "LISTEN";
    public static final String ESTABLISHED = "ESTABLISHED";
    /**
     * A TCP socket bound to a local port but neither listening nor connected (Linux: sock_diag's bound-inactive
     * dump, kernel state TCP_CLOSE). Another user may take its port before it listens (rule TCP-BOUND-REUSEADDR).
     */
    public static final String BOUND = "BOUND";

    public SocketRecord {
        if (options == null) {
            options = SocketOptions.UNKNOWN;
        }
        if (netns == null) {
            netns = NetNs.UNKNOWN;
        }
    }

    /** A socket whose namespace is not identified (importers, Windows, tests of one namespace). */
    public SocketRecord(Protocol protocol, Family family, String localAddress, int localPort,
                        String remoteAddress, Integer remotePort, String state, String nativeState,
                        Integer pid, ProcessInfo process, Integer uid, Long inode,
                        SocketOptions options, ProbeResult probe, EndpointNames names) {
        this(protocol, family, localAddress, localPort, remoteAddress, remotePort, state, nativeState, pid, process,
                uid, inode, options, probe, names, NetNs.UNKNOWN);
    }

    /** A socket without names (every live collector). */
    public SocketRecord(Protocol protocol, Family family, String localAddress, int localPort,
                        String remoteAddress, Integer remotePort, String state, String nativeState,
                        Integer pid, ProcessInfo process, Integer uid, Long inode,
                        SocketOptions options, ProbeResult probe) {
        this(protocol, family, localAddress, localPort, remoteAddress, remotePort, state, nativeState, pid, process,
                uid, inode, options, probe, null, NetNs.UNKNOWN);
    }

    /** The local address is a name from a capture that was not resolved (see {@link EndpointNames}). */
    public boolean isAddressUnknown() {
        return names != null && names.localAddressUnknown();
    }

    /**
     * What the default view shows: a TCP listener, a TCP socket that is only {@link #BOUND} (it can be hijacked like a
     * listener: another process may bind its port and listen first), or a UDP socket that is bound but not connected.
     */
    public boolean isListening() {
        return protocol == Protocol.TCP ? LISTEN.equals(state) || BOUND.equals(state)
                : remoteAddress == null || state == null;
    }

    /** A TCP socket that is bound but neither listening nor connected. */
    public boolean isBoundOnly() {
        return protocol == Protocol.TCP && BOUND.equals(state);
    }

    public boolean isWildcard() {
        return "0.0.0.0".equals(localAddress) || "::".equals(localAddress);
    }

    public boolean isLoopback() {
        return localAddress.startsWith("127.") || "::1".equals(localAddress);
    }

    /** "127.0.0.1:80" or "[::1]:80". */
    public String localEndpoint() {
        return Endpoints.format(localAddress, localPort);
    }

    public SocketRecord withOptions(SocketOptions newOptions) {
        return new SocketRecord(protocol, family, localAddress, localPort, remoteAddress, remotePort, state,
                nativeState, pid, process, uid, inode, newOptions, probe, names, netns);
    }

    public SocketRecord withOwner(Integer newPid, ProcessInfo newProcess) {
        return new SocketRecord(protocol, family, localAddress, localPort, remoteAddress, remotePort, state,
                nativeState, newPid, newProcess, uid, inode, options, probe, names, netns);
    }

    public SocketRecord withProbe(ProbeResult newProbe) {
        return new SocketRecord(protocol, family, localAddress, localPort, remoteAddress, remotePort, state,
                nativeState, pid, process, uid, inode, options, newProbe, names, netns);
    }

    public SocketRecord withNames(EndpointNames newNames) {
        return new SocketRecord(protocol, family, localAddress, localPort, remoteAddress, remotePort, state,
                nativeState, pid, process, uid, inode, options, probe, newNames, netns);
    }

    public SocketRecord withNetns(NetNs newNetns) {
        return new SocketRecord(protocol, family, localAddress, localPort, remoteAddress, remotePort, state,
                nativeState, pid, process, uid, inode, options, probe, names, newNetns);
    }

    /** The owner's uid: the socket's as the kernel reports it, else the owning process's; null when unknown. */
    public Integer ownerUid() {
        return uid != null ? uid : process == null ? null : process.uid();
    }
}
