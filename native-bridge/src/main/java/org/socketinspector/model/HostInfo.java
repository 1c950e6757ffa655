package org.socketinspector.model;

import java.util.List;

/**
 * The machine a scan describes.
 *
 * @param name                  host name
 * @param os                    linux, windows, macos or freebsd
 * @param osVersion             kernel or OS version text
 * @param unprivilegedPortStart net.ipv4.ip_unprivileged_port_start (Linux), null when unknown or not applicable
 * @param bindV6Only            net.ipv6.bindv6only (Linux), null when unknown
 * @param localhost             the addresses the name {@code localhost} resolves to on this host, in the order its
 *                              resolver returns them (Linux: /etc/hosts sorted by /etc/gai.conf's precedence or
 *                              RFC 6724's default; Windows: its built-in answer or the hosts file), null when unknown
 * @param ipv6Loopback          whether ::1 can be bound here (false when IPv6 is disabled or lo has no ::1), null
 *                              when unknown
 */
public record HostInfo(String name, String os, String osVersion, Integer unprivilegedPortStart, Boolean bindV6Only,
                       List<String> localhost, Boolean ipv6Loopback) {

    public HostInfo {
        localhost = localhost == null ? null : List.copyOf(localhost);
    }

    /** A host whose localhost resolution and IPv6 loopback are not known (captures, older scans). */
    public HostInfo(String name, String os, String osVersion, Integer unprivilegedPortStart, Boolean bindV6Only) {
        this(name, os, osVersion, unprivilegedPortStart, bindV6Only, null, null);
    }

    /** The same host with its loopback facts. */
    public HostInfo withLoopbackFacts(List<String> localhostOrder, Boolean ipv6LoopbackUsable) {
        return new HostInfo(name, os, osVersion, unprivilegedPortStart, bindV6Only, localhostOrder, ipv6LoopbackUsable);
    }
}
