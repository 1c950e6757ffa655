package org.socketinspector.windows;

import com.sun.jna.platform.win32.IPHlpAPI.MIB_TCP_STATE;

/**
 * Windows TCP states (MIB_TCP_STATE, tcpmib.h) and the Linux state names the model uses for them
 * (include/net/tcp_states.h, as ss and /proc/net/tcp name them). The Windows name is kept in
 * {@code SocketRecord.nativeState}.
 */
public enum MibTcpState {
    CLOSED(MIB_TCP_STATE.MIB_TCP_STATE_CLOSED, "CLOSE"),
    LISTEN(MIB_TCP_STATE.MIB_TCP_STATE_LISTEN, "LISTEN"),
    SYN_SENT(MIB_TCP_STATE.MIB_TCP_STATE_SYN_SENT, "SYN_SENT"),
    SYN_RCVD(MIB_TCP_STATE.MIB_TCP_STATE_SYN_RCVD, "SYN_RECV"),
    ESTAB(MIB_TCP_STATE.MIB_TCP_STATE_ESTAB, "ESTABLISHED"),
    FIN_WAIT1(MIB_TCP_STATE.MIB_TCP_STATE_FIN_WAIT1, "FIN_WAIT1"),
    FIN_WAIT2(MIB_TCP_STATE.MIB_TCP_STATE_FIN_WAIT2, "FIN_WAIT2"),
    CLOSE_WAIT(MIB_TCP_STATE.MIB_TCP_STATE_CLOSE_WAIT, "CLOSE_WAIT"),
    CLOSING(MIB_TCP_STATE.MIB_TCP_STATE_CLOSING, "CLOSING"),
    LAST_ACK(MIB_TCP_STATE.MIB_TCP_STATE_LAST_ACK, "LAST_ACK"),
    TIME_WAIT(MIB_TCP_STATE.MIB_TCP_STATE_TIME_WAIT, "TIME_WAIT"),
    /** The TCB is being deleted: Linux has no such state; the connection is as good as closed. */
    DELETE_TCB(MIB_TCP_STATE.MIB_TCP_STATE_DELETE_TCB, "CLOSE");

    private final int code;
    private final String linuxName;

    MibTcpState(int code, String linuxName) {
        this.code = code;
        this.linuxName = linuxName;
    }

    /** The dwState value. */
    public int code() {
        return code;
    }

    /** The state name in the model (Linux names). */
    public String linuxName() {
        return linuxName;
    }

    /** The tcpmib.h constant name, e.g. MIB_TCP_STATE_LISTEN. */
    public String nativeName() {
        return "MIB_TCP_STATE_" + name();
    }

    /** The state with this dwState value; throws for a value tcpmib.h does not define. */
    public static MibTcpState ofCode(int code) {
        for (MibTcpState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        throw new IllegalArgumentException("dwState " + code + " is not a MIB_TCP_STATE (1..12)");
    }
}
