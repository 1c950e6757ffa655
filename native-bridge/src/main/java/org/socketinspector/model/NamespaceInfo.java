package org.socketinspector.model;

import java.util.List;

/**
 * The facts of one network namespace that the rules use (on Linux each is per namespace). The collector's own
 * namespace keeps them in {@link HostInfo}; a scan that also holds other namespaces lists those in
 * {@link Scan#namespaces()} (docs/json-contract.md, "namespaces").
 *
 * @param netns                 which namespace
 * @param unprivilegedPortStart net.ipv4.ip_unprivileged_port_start there, null when unknown
 * @param bindV6Only            net.ipv6.bindv6only there, null when unknown
 * @param localhost             what {@code localhost} resolves to there (resolver order), null when unknown
 * @param ipv6Loopback          whether ::1 can be bound there, null when unknown
 */
public record NamespaceInfo(NetNs netns, Integer unprivilegedPortStart, Boolean bindV6Only, List<String> localhost,
                            Boolean ipv6Loopback) {

    public NamespaceInfo {
        netns = netns == null ? NetNs.UNKNOWN : netns;
        localhost = localhost == null ? null : List.copyOf(localhost);
    }

    /** The host's facts, as the facts of the collector's own namespace {@code netns}. */
    public static NamespaceInfo of(HostInfo host, NetNs netns) {
        if (host == null) {
            return new NamespaceInfo(netns, null, null, null, null);
        }
        return new NamespaceInfo(netns, host.unprivilegedPortStart(), host.bindV6Only(), host.localhost(),
                host.ipv6Loopback());
    }
}
