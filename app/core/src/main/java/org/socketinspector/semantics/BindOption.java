package org.socketinspector.semantics;

import java.util.Locale;

/** Socket options that change what a bind may do; wire names are those of {@code whatif}. */
public enum BindOption {
    REUSEADDR, REUSEPORT, EXCLUSIVEADDRUSE, V6ONLY, DUALSTACK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BindOption fromWireName(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown option '" + text
                    + "' (expected reuseaddr, reuseport, exclusiveaddruse, v6only or dualstack)");
        }
    }
}
