package org.socketinspector.linux;

/** Names of the kernel's TCP states, numbered as in include/net/tcp_states.h; the names ss and netstat print. */
final class TcpStates {
    static final int ESTABLISHED = 1;
    static final int TIME_WAIT = 6;
    static final int LISTEN = 10;
    /** UDP sockets that are not connected are in TCP_CLOSE. */
    static final int CLOSE = 7;

    private static final String[] NAMES = {null, "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
            "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "SYN_RECV"};

    /** Every state bit for a sock_diag state mask: 1..12 (12 is TCP_NEW_SYN_RECV, reported as SYN_RECV). */
    static final int ALL_STATES_MASK = 0x1ffe;

    private TcpStates() {
    }

    static String name(int state) {
        return state > 0 && state < NAMES.length ? NAMES[state] : "UNKNOWN_" + state;
    }
}
