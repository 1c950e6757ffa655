package org.socketinspector.collect;

import org.socketinspector.sockets.NativeSockets;
import org.socketinspector.sockets.linux.LinuxSockets;

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
        switch (os) {
            case LINUX:
                switch (wanted) {
                    case NATIVE:
                        return new LinuxNativeCollector();
                    default:
                        throw notYet(os, wanted);
                }
            default:
                throw new CollectionException("no collector for " + os.wireName() + " (os.name "
                        + System.getProperty("os.name") + "): live scans run on Linux so far");
        }
    }

    /** Native sockets (probes, experiments) for this machine's OS. */
    public static NativeSockets sockets() {
        return switch (OsKind.current()) {
            case LINUX -> new LinuxSockets();
            default -> throw new UnsupportedOperationException("native sockets are not implemented for "
                    + System.getProperty("os.name") + " yet");
        };
    }

    private static CollectionException notYet(OsKind os, Source source) {
        return new CollectionException("source '" + source.name().toLowerCase(java.util.Locale.ROOT)
                + "' is not available yet on " + os.wireName());
    }
}
