package org.socketinspector.semantics;

import java.util.EnumSet;
import java.util.Set;
import org.socketinspector.model.Family;
import org.socketinspector.model.SocketOptions;

/**
 * One socket of a bind question: the address it binds (on the question's port), its options, its user.
 * Users are account names; equal names mean the same account. "root" on Linux/macOS/FreeBSD and
 * "administrator"/"admin"/"SYSTEM" on Windows are privileged and get exactly the rights the OS gives them.
 *
 * @param address canonical address text, e.g. 0.0.0.0, 127.0.0.1, ::, ::1
 * @param options options set before bind
 * @param user    owning account
 * @param state   BOUND or LISTEN (the second socket's state is always BOUND: it is the one binding now)
 */
public record BindEndpoint(String address, Set<BindOption> options, String user, BindState state) {

    public BindEndpoint {
        options = Set.copyOf(options);
    }

    public boolean has(BindOption option) {
        return options.contains(option);
    }

    /**
     * A socket as it was found bound (a scan's row), named as bound: its address without an IPv6 zone (the kernels
     * compare addresses without it), its options as far as they are known (an unknown reuse option counts as not
     * set). A socket found bound to an IPv4-mapped address is dual-stack whatever IPV6_V6ONLY read as: an IPv6-only
     * socket cannot bind one (Linux: EINVAL), and the option cannot change after bind.
     */
    public static BindEndpoint asBound(String address, SocketOptions options, String user, BindState state) {
        String bare = withoutZone(address);
        Set<BindOption> set = EnumSet.noneOf(BindOption.class);
        set.addAll(BindOption.of(options, Family.ofAddress(bare)));
        if (BoundAddress.mappedIpv4(bare) != null) {
            set.remove(BindOption.V6ONLY);
            set.add(BindOption.DUALSTACK);
        }
        return new BindEndpoint(bare, set, user, state);
    }

    /**
     * An address as the kernels compare it for conflicts and delivery: without an IPv6 zone, and an IPv4-mapped
     * address (::ffff:127.0.0.1, ::ffff:7f00:1) as the IPv4 address it maps. Another address is returned as given.
     */
    public static String comparedAddress(String address) {
        String bare = withoutZone(address);
        String ipv4 = BoundAddress.mappedIpv4(bare);
        return ipv4 != null ? ipv4 : bare;
    }

    /** Whether the address is IPv4-mapped (::ffff:a.b.c.d in any spelling): only a dual-stack socket may bind it. */
    public static boolean mapped(String address) {
        return BoundAddress.mappedIpv4(withoutZone(address)) != null;
    }

    private static String withoutZone(String address) {
        int zone = address.indexOf('%');
        return zone < 0 ? address : address.substring(0, zone);
    }
}
