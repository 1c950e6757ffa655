package org.socketinspector.model;

import java.util.Locale;

/** IP address family of a socket. The JSON contract writes it as {@code ipv4} or {@code ipv6}. */
public enum Family {
    IPV4, IPV6;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Family fromWireName(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    /** The family of an address in canonical text form: IPv6 text always contains a colon. */
    public static Family ofAddress(String address) {
        return address.indexOf(':') >= 0 ? IPV6 : IPV4;
    }
}
