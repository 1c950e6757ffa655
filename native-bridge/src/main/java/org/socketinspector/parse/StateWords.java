package org.socketinspector.parse;

import java.util.Locale;
import java.util.Map;

/**
 * Maps the TCP state names the tools print (ss, net-tools, BSD/macOS netstat, lsof, English Windows netstat) to
 * the Linux names of the model (the kernel's tcp_states: LISTEN, ESTABLISHED, SYN_RECV, FIN_WAIT1, CLOSE ...).
 * Localized Windows words live in {@link WindowsNetstatParser}.
 */
final class StateWords {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("LISTEN", "LISTEN"), Map.entry("LISTENING", "LISTEN"),
            Map.entry("ESTAB", "ESTABLISHED"), Map.entry("ESTABLISHED", "ESTABLISHED"),
            Map.entry("SYN_SENT", "SYN_SENT"),
            Map.entry("SYN_RECV", "SYN_RECV"), Map.entry("SYN_RCVD", "SYN_RECV"), Map.entry("SYN_RECEIVED", "SYN_RECV"),
            Map.entry("FIN_WAIT1", "FIN_WAIT1"), Map.entry("FIN_WAIT_1", "FIN_WAIT1"),
            Map.entry("FIN_WAIT2", "FIN_WAIT2"), Map.entry("FIN_WAIT_2", "FIN_WAIT2"),
            Map.entry("TIME_WAIT", "TIME_WAIT"),
            Map.entry("CLOSE", "CLOSE"), Map.entry("CLOSED", "CLOSE"),
            Map.entry("CLOSE_WAIT", "CLOSE_WAIT"), Map.entry("LAST_ACK", "LAST_ACK"),
            Map.entry("CLOSING", "CLOSING"), Map.entry("NEW_SYN_RECV", "NEW_SYN_RECV"),
            Map.entry("DELETE_TCB", "CLOSE"), Map.entry("BOUND", "CLOSE"), Map.entry("IDLE", "CLOSE"));

    private StateWords() {
    }

    /** The Linux name for a tool's state word ("ESTAB", "FIN-WAIT-1", "SYN_RCVD"...), or null if unknown. */
    static String linuxName(String word) {
        if (word == null) {
            return null;
        }
        return ALIASES.get(word.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
