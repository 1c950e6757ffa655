package org.socketinspector.model;

import java.util.Locale;

/** Transport protocol of a socket. The JSON contract writes it in lower case. */
public enum Protocol {
    TCP, UDP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Protocol fromWireName(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
