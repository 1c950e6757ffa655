package org.socketinspector.parse;

/** The parser for each text format. */
public final class CaptureParsers {

    private CaptureParsers() {
    }

    /** @throws IllegalArgumentException for {@link CaptureFormat#JSON}, which the app reads with its JSON contract */
    public static CaptureParser forFormat(CaptureFormat format) {
        return switch (format) {
            case NETSTAT_WINDOWS -> new WindowsNetstatParser();
            case NETSTAT_LINUX -> new LinuxNetstatParser();
            case SS -> new SsParser();
            case NETSTAT_MACOS -> new MacNetstatParser();
            case NETSTAT_FREEBSD -> new MacNetstatParser(CaptureFormat.NETSTAT_FREEBSD);
            case LSOF -> new LsofParser();
            case JSON -> throw new IllegalArgumentException("JSON captures are read with ScanJson, not a text parser");
        };
    }
}
