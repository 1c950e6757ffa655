package org.socketinspector.sockets;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Where the native-socket code lives, for child JVMs (experiment helpers); the OS switch is collect.Platform. */
public final class Sockets {

    private Sockets() {
    }

    /**
     * The jars or class folders native sockets and process control need (this module, JNA and jna-platform, which
     * the Windows process control uses), for a child JVM's classpath.
     */
    public static List<Path> codeLocations() {
        return List.of(location(Sockets.class), location(com.sun.jna.Native.class),
                location(com.sun.jna.platform.win32.Kernel32.class)); // a class literal: kernel32 is not loaded
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }
}
