package org.socketinspector.rules;

import java.util.Locale;
import java.util.Set;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.semantics.BindEndpoint;
import org.socketinspector.semantics.BindState;
import org.socketinspector.semantics.OsFamily;

/** How the rules see a scanned socket: its owner, its options as a bind endpoint, and words to name it. */
final class SocketView {

    private static final Set<String> SHARED_ACCOUNTS = Set.of("nobody", "nfsnobody", "nogroup");
    private static final int NOBODY_UID = 65534;

    private SocketView() {
    }

    /** The regime of a scanned host; Windows 2000/XP (NT 5.0/5.1) use the legacy tables. */
    static OsFamily osFamily(HostInfo host) {
        return OsFamily.of(host);
    }

    /** The owner's account name, "uid N" when only the uid is known, null when unknown. */
    static String user(SocketRecord s) {
        if (s.process() != null && s.process().user() != null) {
            return s.process().user();
        }
        Integer uid = s.uid() != null ? s.uid() : s.process() == null ? null : s.process().uid();
        if (uid == null) {
            return null;
        }
        return uid == 0 ? "root" : "uid " + uid;
    }

    static boolean isPrivilegedAccount(SocketRecord s) {
        String user = user(s);
        if (user == null) {
            return false;
        }
        String u = user.toLowerCase(Locale.ROOT);
        return u.equals("root") || u.equals("system") || u.equals("nt authority\\system")
                || u.equals("administrator") || u.endsWith("\\administrator");
    }

    static boolean isSharedAccount(SocketRecord s) {
        String user = user(s);
        return (user != null && SHARED_ACCOUNTS.contains(user.toLowerCase(Locale.ROOT)))
                || Integer.valueOf(NOBODY_UID).equals(s.uid());
    }

    /**
     * Whether {@code r} belongs to a user other than {@code s}'s owner: both owner uids known and different, and
     * {@code r}'s not root's (root is no attacker here: it could take any socket anyway).
     */
    static boolean isAnotherUser(SocketRecord r, SocketRecord s) {
        Integer holder = r.ownerUid();
        Integer owner = s.ownerUid();
        return holder != null && owner != null && !holder.equals(owner) && holder != 0;
    }

    /**
     * The socket as the first endpoint of a bind question, as it is bound: a Java dual-stack socket on
     * ::ffff:127.0.0.1 stays that (the model knows it is the IPv4 address it maps); unknown options count as not set.
     */
    static BindEndpoint endpoint(SocketRecord s) {
        String user = user(s);
        BindState state = s.protocol() == Protocol.TCP && SocketRecord.LISTEN.equals(s.state())
                ? BindState.LISTEN : BindState.BOUND;
        return BindEndpoint.asBound(s.localAddress(), s.options(), user == null ? "owner" : user, state);
    }

    /**
     * The address as the model says the kernel compares it (127.0.0.1 for ::ffff:127.0.0.1, no IPv6 zone): what an
     * attacker binds to claim the same address, and what traffic to the socket is sent to.
     */
    static String comparedAddress(String address) {
        return BindEndpoint.comparedAddress(address);
    }

    /** The family the socket's bind belongs to (IPv4 for an IPv4-mapped address). */
    static Family family(SocketRecord s) {
        if (s.isAddressUnknown()) {
            return s.family(); // a host name: the row's family is all that is known
        }
        return Family.ofAddress(comparedAddress(s.localAddress()));
    }

    /** "nginx (pid 812, user www-data)". */
    static String owner(SocketRecord s) {
        String name = s.process() != null && s.process().name() != null ? s.process().name() : "an unknown process";
        StringBuilder text = new StringBuilder(name);
        String user = user(s);
        if (s.pid() != null || user != null) {
            text.append(" (");
            if (s.pid() != null) {
                text.append("pid ").append(s.pid());
            }
            if (user != null) {
                text.append(s.pid() != null ? ", " : "").append("user ").append(user);
            }
            text.append(')');
        }
        return text.toString();
    }

    /** "TCP 0.0.0.0:8080". */
    static String endpointText(SocketRecord s) {
        return s.protocol().name() + " " + s.localEndpoint();
    }

    /** Whether a socket bound here receives traffic sent to {@code target} (dual-stack only when known). */
    static boolean covers(SocketRecord s, String target) {
        String address = comparedAddress(s.localAddress());
        if (Family.ofAddress(target) == Family.IPV4) {
            if (family(s) == Family.IPV4) {
                return s.isWildcard() || address.equals(target);
            }
            return s.isWildcard() && Boolean.FALSE.equals(s.options().ipv6Only());
        }
        return family(s) == Family.IPV6 && (s.isWildcard() || address.equals(target));
    }
}
