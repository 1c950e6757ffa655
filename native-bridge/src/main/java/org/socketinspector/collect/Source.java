package org.socketinspector.collect;

import java.util.Locale;

/** Which source a live scan reads: {@code --source native|ss|netstat|auto}; auto means native. */
public enum Source {
    AUTO, NATIVE, SS, NETSTAT;

    public static Source fromText(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
