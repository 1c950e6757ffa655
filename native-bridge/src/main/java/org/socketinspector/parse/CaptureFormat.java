package org.socketinspector.parse;

import java.util.Locale;

/** The kinds of captured text {@code import} reads, by the name used on the command line and in {@code sources}. */
public enum CaptureFormat {
    NETSTAT_WINDOWS("netstat-windows", "windows"),
    NETSTAT_LINUX("netstat-linux", "linux"),
    SS("ss", "linux"),
    NETSTAT_MACOS("netstat-macos", "macos"),
    /** FreeBSD netstat: the BSD layout of macOS's, told apart by its -A/-x/-T/-L headers or named with --format. */
    NETSTAT_FREEBSD("netstat-freebsd", "freebsd"),
    /** lsof runs on Linux and macOS; the parser tells which from the DEVICE column. */
    LSOF("lsof", null),
    /** A scan or audit written by {@code scan --json}; read by the app's ScanJson, not by a parser here. */
    JSON("json", null);

    private final String wireName;
    private final String os;

    CaptureFormat(String wireName, String os) {
        this.wireName = wireName;
        this.os = os;
    }

    public String wireName() {
        return wireName;
    }

    /** The OS the format implies as the contract's host.os ("linux", "windows", "macos"), or null when the content must tell. */
    public String os() {
        return os;
    }

    /** The scan's source name for an import of this format, e.g. {@code import:netstat-windows}. */
    public String importSource() {
        return "import:" + wireName;
    }

    public static CaptureFormat fromWireName(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (CaptureFormat format : values()) {
            if (format.wireName.equals(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown capture format \"" + text + "\"");
    }
}
