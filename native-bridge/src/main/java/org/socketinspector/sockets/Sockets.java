package org.socketinspector.sockets;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.socketinspector.collect.OsKind;
import org.socketinspector.sockets.linux.LinuxSockets;

/** Picks the {@link NativeSockets} of this OS (to fold into the collect Platform switch when it exists). */
public final class Sockets {

    private Sockets() {
    }

    public static NativeSockets forCurrentOs() {
        return switch (OsKind.current()) {
            case LINUX -> new LinuxSockets();
            default -> throw new UnsupportedOperationException(
                    "native sockets are not implemented for " + System.getProperty("os.name") + " yet");
        };
    }

    /** The jars or class folders native sockets need (this module and JNA), for a child JVM's classpath. */
    public static List<Path> codeLocations() {
        return List.of(location(Sockets.class), location(com.sun.jna.Native.class));
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }
}
