package org.socketinspector.model;

import java.util.Locale;

/** The operating system families Socket Inspector knows. */
public enum OsKind {
    LINUX, WINDOWS, MACOS, FREEBSD, OTHER;

    /** The name used in the JSON contract's host.os. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind an {@code os.name} value names (the platform factory asks the JVM; nothing else does). */
    public static OsKind fromOsName(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) {
            return LINUX;
        }
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MACOS;
        }
        if (name.startsWith("freebsd")) {
            return FREEBSD;
        }
        return OTHER;
    }
}
