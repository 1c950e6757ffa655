package org.socketinspector.semantics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.socketinspector.model.Family;
import org.socketinspector.semantics.WindowsTables.Cell;
import org.socketinspector.semantics.WindowsTables.Mode;

/**
 * Windows bind semantics from Microsoft's documented tables ({@link WindowsTables}): Server 2003 and later
 * ("enhanced socket security", tables b and c by same or different user) or XP and earlier (table a).
 *
 * <p>Delivery after a successful bind (reference 1.3): a specific bind over a wildcard one steals the traffic to
 * its address ("specific wins": implied by the documentation, not stated verbatim); a wildcard bind next to a
 * specific one only gets the other addresses (separate); a co-bind on the same address shares, and which socket
 * gets a connection is indeterminate. A dual-stack wildcard socket is checked in both the IPv4 and the IPv6 stack;
 * an IPv6 socket that sets neither option is IPv6-only (the Windows default).
 */
final class WindowsSemantics implements BindSemantics {

    private final boolean legacy;

    WindowsSemantics(boolean legacy) {
        this.legacy = legacy;
    }

    @Override
    public OsFamily os() {
        return legacy ? OsFamily.WINDOWS_XP : OsFamily.WINDOWS;
    }

    /** Accounts the model treats as administrators; whether they count as "the same user" is undocumented. */
    static boolean isAdministrator(String user) {
        String u = user.toLowerCase(Locale.ROOT);
        return u.equals("administrator") || u.equals("admin") || u.equals("system") || u.equals("administrators");
    }

    @Override
    public boolean v6OnlyByDefault() {
        return true;
    }

    @Override
    public BindAnswer answer(BindQuestion q) {
        BindEndpoint first = q.first();
        BindEndpoint second = q.second();
        // A connected UDP socket is not modelled on Windows: it is answered as a bound one (the notes say so).
        BoundAddress a = first.state() == BindState.TIME_WAIT ? BoundAddress.held(q, v6OnlyByDefault())
                : BoundAddress.of(first, v6OnlyByDefault());
        BoundAddress b = BoundAddress.of(second, v6OnlyByDefault());
        boolean sameUser = first.user().equals(second.user());
        List<String> sources = new ArrayList<>();
        String table = legacy ? Sources.MS_TABLE_XP : sameUser ? Sources.MS_TABLE_SAME_USER : Sources.MS_TABLE_OTHER_USER;
        Cell[][] cells = legacy ? WindowsTables.XP : sameUser ? WindowsTables.SAME_USER : WindowsTables.OTHER_USER;
        StringBuilder notes = new StringBuilder();
        if (q.privilegedPort()) {
            notes.append(" Windows has no privileged ports: any account may bind port ").append(q.port())
                    .append(" (no single documented sentence says so).");
        }
        if (first.state() == BindState.CONNECTED) {
            notes.append(" A connected UDP socket is answered as a bound one: Windows' preference for a connected"
                    + " socket's own 4-tuple is not documented.");
        }
        if (b.mappedOnV6Only()) {
            return new BindAnswer(Outcome.REFUSED, "WSAEINVAL", first.state() == BindState.BOUND ? Boolean.TRUE : null,
                    "An IPv6-only socket (the Windows default) cannot bind the IPv4-mapped address " + second.address()
                            + "; set IPV6_V6ONLY off (dualstack) to bind it as IPv4 (the error code is Linux's EINVAL"
                            + " in Winsock terms, unverified)." + notes, List.of(Sources.MS_DUAL_STACK));
        }
        if (first.state() == BindState.TIME_WAIT && a.overlaps(b)) {
            return timeWait(first, second, a, notes);
        }
        if (legacy) {
            notes.append(xpExclusiveNote(first, "first")).append(xpExclusiveNote(second, "second"));
        } else if (!sameUser && (isAdministrator(first.user()) || isAdministrator(second.user()))) {
            notes.append(" Administrator rights do not bypass these checks; whether an administrator or SYSTEM counts"
                    + " as the same user as another account is not documented: the different-users table was used.");
        }

        // Check each IP stack both sockets are in (a dual-stack wildcard socket is in both).
        Cell result = null;
        boolean checked = false;
        boolean firstWildcardInStack = false;
        boolean secondWildcardInStack = false;
        for (Family stack : Family.values()) {
            if (!inStack(a, stack) || !inStack(b, stack)) {
                continue;
            }
            boolean aw = a.wildcard();
            boolean bw = b.wildcard();
            if (!aw && !bw && !a.address().equals(b.address())) {
                continue; // two different specific addresses: no conflict
            }
            checked = true;
            Cell cell = cells[WindowsTables.index(mode(first), aw)][WindowsTables.index(mode(second), bw)];
            if (result == null || cell.error() != null) {
                result = cell;
                firstWildcardInStack = aw;
                secondWildcardInStack = bw;
            }
            if (cell.error() != null) {
                break;
            }
        }
        if (a.dualStack() || b.dualStack()) {
            sources.add(Sources.MS_DUAL_STACK);
        }
        if (b.family() == Family.IPV6 || a.family() == Family.IPV6) {
            sources.add(Sources.MS_IPV6_ONLY_DEFAULT);
        }
        Boolean firstCanListen = first.state() == BindState.BOUND ? Boolean.TRUE : null;
        if (!checked) {
            sources.add(0, Sources.MS_REUSE);
            return new BindAnswer(Outcome.SEPARATE, null, firstCanListen, b.describe() + " and " + a.describe()
                    + " do not overlap (different addresses or IP stacks), so the bind succeeds and receives none of"
                    + " the first socket's traffic." + notes, sources);
        }
        sources.add(0, table);
        String cellText = "Table cell " + WindowsTables.KINDS.get(WindowsTables.index(mode(first), firstWildcardInStack)).label()
                + " / " + WindowsTables.KINDS.get(WindowsTables.index(mode(second), secondWildcardInStack)).label() + ": ";
        if (result.error() != null) {
            String why = result == Cell.ACCESS
                    ? (mode(first) == Mode.EXCLUSIVE ? "the first socket set SO_EXCLUSIVEADDRUSE"
                    : "the second bind asks to share an address that the first socket did not offer for sharing"
                    + (legacy || sameUser ? "" : " (and it belongs to another user)"))
                    : "the address and port are in use and the options do not allow a second bind";
            return new BindAnswer(Outcome.REFUSED, result.error(), firstCanListen,
                    cellText + "the second bind fails with " + result.error() + ": " + why + "." + notes, sources);
        }
        // Whether the first socket can still listen after a successful co-bind is not documented.
        firstCanListen = null;
        if (result == Cell.NOTE_1) {
            sources.add(Sources.MS_TABLE_NOTE);
        }
        if (firstWildcardInStack && !secondWildcardInStack) {
            return new BindAnswer(Outcome.STEALS, null, firstCanListen, cellText + "the bind succeeds on the specific"
                    + " address " + b.address() + ", and Windows delivers traffic for that address to the more specific"
                    + " binding, so the second socket takes it (implied by the documentation, not stated verbatim)."
                    + notes, sources);
        }
        if (!firstWildcardInStack && secondWildcardInStack) {
            return new BindAnswer(Outcome.SEPARATE, null, firstCanListen, cellText + "the wildcard bind succeeds but"
                    + " covers all interfaces except " + a.address() + ", which stays with the first socket." + notes,
                    sources);
        }
        return new BindAnswer(Outcome.SHARES, null, firstCanListen, cellText + "both sockets are bound to the same"
                + " address and port with SO_REUSEADDR; which of them receives a connection or datagram is"
                + " indeterminate (multicast goes to both)." + notes, sources);
    }

    /**
     * Windows does not refuse a bind because of TIME_WAIT connections (libuv, Go), except that after an exclusive
     * socket closed, another exclusive socket cannot bind until its connections are inactive (MS Learn).
     */
    private static BindAnswer timeWait(BindEndpoint first, BindEndpoint second, BoundAddress a, StringBuilder notes) {
        List<String> sources = List.of(Sources.MS_TIME_WAIT);
        if (first.has(BindOption.EXCLUSIVEADDRUSE) && second.has(BindOption.EXCLUSIVEADDRUSE)) {
            return new BindAnswer(Outcome.REFUSED, "WSAEADDRINUSE", null, "The server that left the TIME_WAIT"
                    + " connections on " + a.address() + " had set SO_EXCLUSIVEADDRUSE: another exclusive socket cannot"
                    + " bind the port until those connections are inactive (documented)." + notes, sources);
        }
        String exclusiveNote = first.has(BindOption.EXCLUSIVEADDRUSE)
                ? " Whether a non-exclusive socket may bind over the connections of a closed exclusive one is not"
                + " documented." : "";
        return new BindAnswer(Outcome.STEALS, null, null, "Windows does not refuse a bind because of TIME_WAIT"
                + " connections (on " + a.address() + "), with or without SO_REUSEADDR: the new socket binds and receives"
                + " every new connection (the old server is gone)." + exclusiveNote + notes, sources);
    }

    private static boolean inStack(BoundAddress address, Family stack) {
        return address.family() == stack || (stack == Family.IPV4 && address.dualStack() && address.wildcard());
    }

    private static Mode mode(BindEndpoint endpoint) {
        if (endpoint.has(BindOption.EXCLUSIVEADDRUSE)) {
            return Mode.EXCLUSIVE;
        }
        return endpoint.has(BindOption.REUSEADDR) ? Mode.REUSEADDR : Mode.DEFAULT;
    }

    private static String xpExclusiveNote(BindEndpoint endpoint, String which) {
        if (endpoint.has(BindOption.EXCLUSIVEADDRUSE) && !isAdministrator(endpoint.user())) {
            return " On XP and earlier only administrators may set SO_EXCLUSIVEADDRUSE: for the " + which
                    + " socket's account (" + endpoint.user() + ") setsockopt fails, so in practice it is a default"
                    + " socket.";
        }
        return "";
    }
}
