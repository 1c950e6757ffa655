package org.socketinspector.semantics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.OsKind;
import org.socketinspector.model.SocketOption;

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

    public boolean isWindows() {
        return this == WINDOWS || this == WINDOWS_XP;
    }

    /** The reuse options this OS has: SO_REUSEADDR and SO_EXCLUSIVEADDRUSE on Windows, else SO_REUSEADDR and SO_REUSEPORT. */
    public List<SocketOption> reuseOptions() {
        return isWindows() ? List.of(SocketOption.REUSEADDR, SocketOption.EXCLUSIVEADDRUSE)
                : List.of(SocketOption.REUSEADDR, SocketOption.REUSEPORT);
    }

    /** The options that exist for a socket of this family here: the reuse options, and IPV6_V6ONLY for IPv6. */
    public List<SocketOption> options(Family family) {
        List<SocketOption> list = new ArrayList<>(reuseOptions());
        if (family == Family.IPV6) {
            list.add(SocketOption.V6ONLY);
        }
        return List.copyOf(list);
    }

    /** The regime of a scanned host (Linux when unknown); Windows 2000/XP (NT 5.0/5.1) use the legacy tables. */
    public static OsFamily of(HostInfo host) {
        String os = host == null || host.os() == null ? "" : host.os().toLowerCase(Locale.ROOT);
        String version = host == null || host.osVersion() == null ? "" : host.osVersion();
        return switch (os) {
            case "windows" -> version.startsWith("5.0") || version.startsWith("5.1") || version.contains("XP")
                    ? WINDOWS_XP : WINDOWS;
            case "macos" -> MACOS;
            case "freebsd" -> FREEBSD;
            default -> LINUX;
        };
    }

    /** The regime of the OS this application runs on, as its platform names it (Linux's for one the model lacks). */
    public static OsFamily of(OsKind os) {
        return switch (os) {
            case WINDOWS -> WINDOWS;
            case MACOS -> MACOS;
            case FREEBSD -> FREEBSD;
            case LINUX, OTHER -> LINUX;
        };
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
