package org.socketinspector.rules;

import java.util.Locale;

/** Finding severity, most severe first. */
public enum Severity {
    HIGH, MEDIUM, LOW, INFO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromWireName(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    /** True when this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
