package org.socketinspector.semantics;

import java.util.Locale;

/** The bind-semantics regimes the model knows; {@code whatif --os} takes their wire names. */
public enum OsFamily {
    /** Windows Server 2003 / Vista and later ("enhanced socket security"). */
    WINDOWS("windows"),
    /** Windows XP and earlier. */
    WINDOWS_XP("windows-xp"),
    LINUX("linux"),
    MACOS("macos"),
    FREEBSD("freebsd");

    private final String wireName;

    OsFamily(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static OsFamily fromWireName(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (OsFamily f : values()) {
            if (f.wireName.equals(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown OS '" + text + "' (expected windows, windows-xp, linux, macos or freebsd)");
    }
}
