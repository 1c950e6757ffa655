package org.socketinspector.semantics;

import java.util.Locale;

/** Whether the first socket only bound, or also listens (TCP). UDP sockets are always BOUND. */
public enum BindState {
    BOUND, LISTEN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BindState fromWireName(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
