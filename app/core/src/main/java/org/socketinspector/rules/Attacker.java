package org.socketinspector.rules;

import java.util.Locale;

/** Who could exploit a finding. */
public enum Attacker {
    ANY_USER, SAME_USER, ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Attacker fromWireName(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
