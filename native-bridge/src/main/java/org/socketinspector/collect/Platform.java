package org.socketinspector.collect;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.socketinspector.linux.LinuxSocketScanner;
import org.socketinspector.linux.LinuxToolScanner;
import org.socketinspector.macos.MacToolScanner;
import org.socketinspector.model.OsKind;
import org.socketinspector.model.Scan;
import org.socketinspector.nativeio.ProcessControl;
import org.socketinspector.nativeio.linux.LinuxProcessControl;
import org.socketinspector.nativeio.windows.WindowsProcessControl;
import org.socketinspector.sockets.NativeSockets;
import org.socketinspector.sockets.linux.LinuxSockets;
import org.socketinspector.sockets.windows.WinsockSockets;
import org.socketinspector.windows.WindowsNetstatScanner;
import org.socketinspector.windows.WindowsRandom;
import org.socketinspector.windows.WindowsSocketScanner;

/**
 * This machine's native services, made once at start-up by a {@code main} and handed to whoever needs them through
 * constructors (like OSHI's SystemInfo): the collectors, native sockets and process control of this OS. It is the
 * one place that knows which implementation serves which operating system: nothing else asks "am I on Linux?".
 *
 * <p>Collectors are kept per source, so the Linux scanner's owner cache serves every rescan of the GUI.
 *
 * <p>To add a source: add a case below. The OS packages ({@code linux}, {@code windows}, {@code parse}, ...) must
 * not depend on {@code collect} (that would be a package cycle, see ArchitectureTest); they return the model
 * ({@code Scan}) or throw IOException, and {@link ScannerCollector} wraps them.
 */
public final class Platform {
    private final OsKind os;
    private final Map<Source, SocketCollector> collectors = new EnumMap<>(Source.class);
    private NativeSockets sockets;
    private ProcessControl processes;

    private Platform(OsKind os) {
        this.os = os;
    }

    /**
     * This machine's platform. Only a program's {@code main} (and tests) call this, first thing; the rest is handed
     * the parts. On Windows it also makes the OS generator the default SecureRandom, before JNA or sqlite-jdbc first
     * need one: the JVM's default seeding lists network interfaces, which kills the JVM under Wine (WindowsRandom).
     */
    public static Platform forThisMachine() {
        OsKind os = OsKind.current();
        if (os == OsKind.WINDOWS) {
            WindowsRandom.preferOsGenerator();
        }
        return new Platform(os);
    }

    /** The operating system this platform serves. */
    public OsKind os() {
        return os;
    }

    /** The collector for this OS and the given source, made on first use and kept (its caches stay warm). */
    public synchronized SocketCollector collector(Source source) throws CollectionException {
        Source wanted = source == Source.AUTO ? Source.NATIVE : source;
        SocketCollector known = collectors.get(wanted);
        if (known == null) {
            known = collector(os, wanted);
            collectors.put(wanted, known);
        }
        return known;
    }

    static SocketCollector collector(OsKind os, Source source) throws CollectionException {
        Source wanted = source == Source.AUTO ? Source.NATIVE : source;
        return switch (os) {
            case LINUX -> switch (wanted) {
                case NATIVE -> linuxNative(new LinuxSocketScanner());
                case SS -> tool("ss", new LinuxToolScanner(LinuxToolScanner.Tool.SS)::scan);
                case NETSTAT -> tool("netstat", new LinuxToolScanner(LinuxToolScanner.Tool.NETSTAT)::scan);
                default -> throw notYet(os, wanted);
            };
            case WINDOWS -> switch (wanted) {
                case NATIVE -> windowsNative(new WindowsSocketScanner());
                case NETSTAT -> tool("netstat", new WindowsNetstatScanner()::scan);
                default -> throw notYet(os, wanted);
            };
            // No native macOS collector yet: its tools are the only source, so native means them too.
            case MACOS -> switch (wanted) {
                case NATIVE, NETSTAT -> tool("netstat+lsof", new MacToolScanner()::scan);
                default -> throw notYet(os, wanted);
            };
            default -> throw new CollectionException("no collector for " + os.wireName() + " (os.name "
                    + System.getProperty("os.name") + "): live scans run on Linux, Windows and macOS so far");
        };
    }

    /** sock_diag netlink, /proc/&lt;pid&gt;/fd owners, pidfd_getfd + getsockopt options; one scanner kept for reuse. */
    private static SocketCollector linuxNative(LinuxSocketScanner scanner) {
        return new ScannerCollector(LinuxSocketScanner.SOURCE_NETLINK, request -> scanner.scan(request.includeConnections()));
    }

    /** IP Helper tables, Toolhelp32 and token owners, the optional Winsock bind probe. */
    private static SocketCollector windowsNative(WindowsSocketScanner scanner) {
        return new ScannerCollector(WindowsSocketScanner.SOURCE_IPHLPAPI,
                request -> scanner.scan(request.includeConnections(), request.probe(), request.probeUdp()));
    }

    /** A text tool (ss, netstat, lsof) run and parsed. */
    private static SocketCollector tool(String name, ToolScan scan) {
        return new ScannerCollector(name, request -> scan.scan(request.includeConnections()));
    }

    /** A tool runner's scan: listeners only, or every connection too. */
    private interface ToolScan {
        Scan scan(boolean includeConnections) throws IOException;
    }

    /** Native sockets (probes, experiments) for this OS. */
    public synchronized NativeSockets sockets() {
        if (sockets == null) {
            sockets = switch (os) {
                case LINUX -> new LinuxSockets();
                case WINDOWS -> new WinsockSockets();
                default -> throw new UnsupportedOperationException("native sockets are not implemented for "
                        + os.wireName() + " yet");
            };
        }
        return sockets;
    }

    /** Process control (who we run as, helpers that die with us) for this OS. */
    public synchronized ProcessControl processes() {
        if (processes == null) {
            processes = switch (os) {
                case LINUX -> new LinuxProcessControl();
                case WINDOWS -> new WindowsProcessControl();
                default -> throw new UnsupportedOperationException("process control is not implemented for "
                        + os.wireName() + " yet");
            };
        }
        return processes;
    }

    /** The text tool {@code scan --cross-check} compares the native source with on this OS. */
    public Source crossCheckSource() {
        return crossCheckSource(os);
    }

    static Source crossCheckSource(OsKind os) {
        return os == OsKind.LINUX ? Source.SS : Source.NETSTAT;
    }

    private static CollectionException notYet(OsKind os, Source source) {
        return new CollectionException("source '" + source.name().toLowerCase(Locale.ROOT)
                + "' is not available yet on " + os.wireName());
    }
}
