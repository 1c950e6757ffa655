package org.socketinspector.collect;

import java.util.Locale;
import org.socketinspector.linux.LinuxToolScanner;
import org.socketinspector.macos.MacToolScanner;
import org.socketinspector.sockets.NativeSockets;
import org.socketinspector.sockets.linux.LinuxSockets;
import org.socketinspector.sockets.windows.WinsockSockets;
import org.socketinspector.windows.WindowsNetstatScanner;

/**
 * The one place that knows which collector serves which operating system and source (like OSHI's SystemInfo):
 * nothing else asks "am I on Linux?".
 *
 * <p>To add a source: add a case below. The OS packages ({@code linux}, {@code windows}, {@code parse}, ...) must
 * not depend on {@code collect} (that would be a package cycle, see ArchitectureTest); they return the model
 * ({@code Scan}) or throw IOException, and a small {@link SocketCollector} adapter in this package, like
 * {@link LinuxNativeCollector}, wraps them.
 */
public final class Platform {
    private Platform() {
    }

    /** The collector for this machine's OS and the given source. */
    public static SocketCollector collector(Source source) throws CollectionException {
        return collector(OsKind.current(), source);
    }

    static SocketCollector collector(OsKind os, Source source) throws CollectionException {
        Source wanted = source == Source.AUTO ? Source.NATIVE : source;
        return switch (os) {
            case LINUX -> switch (wanted) {
                case NATIVE -> new LinuxNativeCollector();
                case SS -> new ToolCollector("ss", new LinuxToolScanner(LinuxToolScanner.Tool.SS)::scan);
                case NETSTAT -> new ToolCollector("netstat", new LinuxToolScanner(LinuxToolScanner.Tool.NETSTAT)::scan);
                default -> throw notYet(os, wanted);
            };
            case WINDOWS -> switch (wanted) {
                case NATIVE -> new WindowsNativeCollector();
                case NETSTAT -> new ToolCollector("netstat", new WindowsNetstatScanner()::scan);
                default -> throw notYet(os, wanted);
            };
            // No native macOS collector yet: its tools are the only source, so native means them too.
            case MACOS -> switch (wanted) {
                case NATIVE, NETSTAT -> new ToolCollector("netstat+lsof", new MacToolScanner()::scan);
                default -> throw notYet(os, wanted);
            };
            default -> throw new CollectionException("no collector for " + os.wireName() + " (os.name "
                    + System.getProperty("os.name") + "): live scans run on Linux, Windows and macOS so far");
        };
    }

    /** Native sockets (probes, experiments) for this machine's OS. */
    public static NativeSockets sockets() {
        return switch (OsKind.current()) {
            case LINUX -> new LinuxSockets();
            case WINDOWS -> new WinsockSockets();
            default -> throw new UnsupportedOperationException("native sockets are not implemented for "
                    + System.getProperty("os.name") + " yet");
        };
    }

    /** The text tool {@code scan --cross-check} compares the native source with on this OS. */
    public static Source crossCheckSource() {
        return crossCheckSource(OsKind.current());
    }

    static Source crossCheckSource(OsKind os) {
        return os == OsKind.LINUX ? Source.SS : Source.NETSTAT;
    }

    private static CollectionException notYet(OsKind os, Source source) {
        return new CollectionException("source '" + source.name().toLowerCase(Locale.ROOT)
                + "' is not available yet on " + os.wireName());
    }
}
