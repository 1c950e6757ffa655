package org.socketinspector.linux;

import org.socketinspector.model.SocketRecord;

/** Names of the kernel's TCP states, numbered as in include/net/tcp_states.h; the names ss and netstat print. */
final class TcpStates {
    static final int ESTABLISHED = 1;
    static final int TIME_WAIT = 6;
    static final int LISTEN = 10;
    /** UDP sockets that are not connected are in TCP_CLOSE, and so are TCP sockets that are only bound. */
    static final int CLOSE = 7;
    /**
     * TCP_BOUND_INACTIVE: a pseudo-state for sock_diag requests only (Linux 6.8+, commit 91051f003948 "tcp: Dump
     * bound-only sockets in inet_diag."). Its bit asks for TCP sockets that are bound but neither listening nor
     * connecting; the kernel answers them in TCP_CLOSE. Older kernels ignore the bit.
     */
    static final int BOUND_INACTIVE = 13;

    private static final String[] NAMES = {null, "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
            "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "SYN_RECV"};

    /** Every state bit for a sock_diag state mask: 1..12 (12 is TCP_NEW_SYN_RECV, reported as SYN_RECV). */
    static final int ALL_STATES_MASK = 0x1ffe;

    /** The first Linux release whose sock_diag lists bound-inactive TCP sockets. */
    static final int BOUND_INACTIVE_SINCE_MAJOR = 6;
    static final int BOUND_INACTIVE_SINCE_MINOR = 8;

    private TcpStates() {
    }

    /**
     * The TCP state mask of a scan: listeners (or, with connections, every state), always with the sockets that are
     * only bound, which another user can hijack like a listener (TCP-BOUND-REUSEADDR).
     */
    static int tcpMask(boolean includeConnections) {
        return (includeConnections ? ALL_STATES_MASK : 1 << LISTEN) | 1 << BOUND_INACTIVE;
    }

    static String name(int state) {
        return state > 0 && state < NAMES.length ? NAMES[state] : "UNKNOWN_" + state;
    }

    /**
     * The name a scan gives a TCP socket. The kernel lists a TCP socket in TCP_CLOSE only in the bound-inactive dump
     * (connections leave the established table as they reach TCP_CLOSE): it holds a local port but neither listens
     * nor is connected, so it is reported as {@link SocketRecord#BOUND}.
     */
    static String tcpName(int state) {
        return state == CLOSE ? SocketRecord.BOUND : name(state);
    }

    /**
     * Whether a kernel release ("6.18.44-fc", "5.15.0-91-generic") lists bound-inactive TCP sockets; false when the
     * release cannot be read.
     */
    static boolean listsBoundInactive(String release) {
        if (release == null) {
            return false;
        }
        String[] parts = release.split("[.-]", 3);
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > BOUND_INACTIVE_SINCE_MAJOR
                    || (major == BOUND_INACTIVE_SINCE_MAJOR && minor >= BOUND_INACTIVE_SINCE_MINOR);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
