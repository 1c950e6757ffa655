package org.socketinspector.collect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.socketinspector.linux.LinuxHost;
import org.socketinspector.linux.LinuxSocketScanner;
import org.socketinspector.linux.LinuxToolScanner;
import org.socketinspector.macos.MacToolScanner;
import org.socketinspector.model.OsKind;
import org.socketinspector.model.Scan;
import org.socketinspector.nativeio.linux.LinuxProcessControl;
import org.socketinspector.nativeio.windows.WindowsProcessControl;
import org.socketinspector.sockets.linux.LinuxSockets;
import org.socketinspector.sockets.windows.WinsockSockets;
import org.socketinspector.windows.WindowsNetstatScanner;
import org.socketinspector.windows.WindowsRandom;
import org.socketinspector.windows.WindowsSocketScanner;

/**
 * The factory of the real {@link Platform}: the one place that asks which OS this is (like OSHI's SystemInfo), and
 * the one switch that picks each OS's collectors, native sockets, process control, accounts and machine facts.
 *
 * <p>To add a source: add a case below. The OS packages ({@code linux}, {@code windows}, {@code parse}, ...) must
 * not depend on {@code collect} (that would be a package cycle, see ArchitectureTest); they return the model
 * ({@code Scan}) or throw IOException, and {@link ScannerCollector} wraps them.
 */
public final class Platforms {

    private static final Path PASSWD = Path.of("/etc/passwd");
    /** The first platform this process made (see {@link #ofThisProcess()}). */
    private static volatile Platform first;

    private Platforms() {
    }

    /**
     * This machine's platform ({@code Platform.forThisMachine()}, called by the mains). On Windows it also makes the
     * OS generator the default SecureRandom, before JNA or sqlite-jdbc first need one: the JVM's default seeding
     * lists network interfaces, which kills the JVM under Wine (WindowsRandom).
     */
    static Platform forThisMachine() {
        OsKind os = thisOs();
        if (os == OsKind.WINDOWS) {
            WindowsRandom.preferOsGenerator();
        }
        Platform platform = forOs(os);
        synchronized (Platforms.class) {
            if (first == null) {
                first = platform;
            }
        }
        return platform;
    }

    /**
     * The platform this process's main made, for the few static look-ups that are not handed one yet
     * ({@code experiment.Users}, {@code experiment.HostFacts}, until every experiment takes its platform's parts);
     * empty before a main made one.
     */
    public static Optional<Platform> ofThisProcess() {
        return Optional.ofNullable(first);
    }

    /**
     * The operating system this JVM runs on, from {@code os.name}: only for the platform and for the two places that
     * decide where this user's files live before a platform exists (the GUI's log, the history database).
     */
    public static OsKind thisOs() {
        return OsKind.fromOsName(System.getProperty("os.name", ""));
    }

    /** The platform of this OS's parts (the one switch on the OS). */
    static Platform forOs(OsKind os) {
        return switch (os) {
            case LINUX -> new NativePlatform(os, Platforms::linuxCollector, Source.SS, LinuxSockets::new,
                    LinuxProcessControl::new, Accounts.passwd(PASSWD), new MachineFacts(
                            Objects.requireNonNullElse(LinuxHost.sysctl("kernel/hostname"), "unknown"),
                            Objects.requireNonNullElse(LinuxHost.sysctl("kernel/osrelease"), osVersion())));
            case WINDOWS -> new NativePlatform(os, Platforms::windowsCollector, Source.NETSTAT, WinsockSockets::new,
                    WindowsProcessControl::new, Accounts.runningUserOnly(), new MachineFacts(
                            // no DNS look-up for a name the OS already knows
                            Objects.requireNonNullElse(System.getenv("COMPUTERNAME"), "unknown"), osVersion()));
            // No native macOS collector yet: its tools are the only source, so native means them too.
            case MACOS -> new NativePlatform(os, Platforms::macCollector, Source.NETSTAT, () -> notImplemented(os,
                    "native sockets"), () -> notImplemented(os, "process control"), Accounts.passwd(PASSWD),
                    new MachineFacts("unknown", osVersion()));
            default -> new NativePlatform(os, source -> {
                throw new CollectionException("no collector for " + os.wireName() + " (os.name "
                        + System.getProperty("os.name") + "): live scans run on Linux, Windows and macOS so far");
            }, Source.NETSTAT, () -> notImplemented(os, "native sockets"), () -> notImplemented(os, "process control"),
                    Accounts.passwd(PASSWD), new MachineFacts("unknown", osVersion()));
        };
    }

    private static SocketCollector linuxCollector(Source source) throws CollectionException {
        return switch (source) {
            case NATIVE -> linuxNative(new LinuxSocketScanner());
            case SS -> tool("ss", new LinuxToolScanner(LinuxToolScanner.Tool.SS)::scan);
            case NETSTAT -> tool("netstat", new LinuxToolScanner(LinuxToolScanner.Tool.NETSTAT)::scan);
            default -> throw notYet(OsKind.LINUX, source);
        };
    }

    private static SocketCollector windowsCollector(Source source) throws CollectionException {
        return switch (source) {
            case NATIVE -> windowsNative(new WindowsSocketScanner());
            case NETSTAT -> tool("netstat", new WindowsNetstatScanner()::scan);
            default -> throw notYet(OsKind.WINDOWS, source);
        };
    }

    private static SocketCollector macCollector(Source source) throws CollectionException {
        return switch (source) {
            case NATIVE, NETSTAT -> tool("netstat+lsof", new MacToolScanner()::scan);
            default -> throw notYet(OsKind.MACOS, source);
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

    private static String osVersion() {
        return System.getProperty("os.version");
    }

    private static <T> T notImplemented(OsKind os, String what) {
        throw new UnsupportedOperationException(what + " " + (what.endsWith("s") ? "are" : "is")
                + " not implemented for " + os.wireName() + " yet");
    }

    private static CollectionException notYet(OsKind os, Source source) {
        return new CollectionException("source '" + source.name().toLowerCase(Locale.ROOT)
                + "' is not available yet on " + os.wireName());
    }
}
