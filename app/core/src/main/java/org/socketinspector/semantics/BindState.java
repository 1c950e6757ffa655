package org.socketinspector.semantics;

import java.util.Locale;

/**
 * The first socket's state. UDP sockets are BOUND or CONNECTED; TCP sockets are BOUND, LISTEN or TIME_WAIT. The
 * second socket is always BOUND: it is the one binding now.
 */
public enum BindState {
    BOUND,
    LISTEN,
    /**
     * TCP: the port holds only TIME_WAIT connections left by a server that closed them first (the server and its
     * listener are gone; the connections keep the listener's options and user). Their local address is the one the
     * question is about ({@link BindSemantics#target}): where the server's clients had connected.
     */
    TIME_WAIT,
    /**
     * UDP: bound, then connect()ed to one peer: the kernel prefers it for datagrams of its own 4-tuple, and a
     * socket bound to a wildcard address takes the specific source address connect() chose.
     */
    CONNECTED;

    /** listen, bound, time-wait, connected. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static BindState fromWireName(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown state '" + text + "' (expected listen, bound, time-wait or connected)");
        }
    }

    /** Whether a first socket in this state can exist for {@code tcp} (true) or UDP (false). */
    public boolean validFor(boolean tcp) {
        return switch (this) {
            case BOUND -> true;
            case LISTEN, TIME_WAIT -> tcp;
            case CONNECTED -> !tcp;
        };
    }
}
