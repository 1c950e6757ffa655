package org.socketinspector.windows;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * jna-platform's structures nested in a library interface (IPHlpAPI.MIB_TCPROW_OWNER_PID, ...) ask that interface
 * for its alignment options when constructed, which loads the DLL. Off Windows there is no iphlpapi.dll, so the
 * layout tests let JNA load the JVM's own libjava under that name: already loaded, no side effects, and no
 * function of it is ever called. Type mapping and alignment then come from jna-platform's own options.
 */
final class WindowsLibraryStandIn {

    private WindowsLibraryStandIn() {
    }

    static synchronized void install(String dllName) {
        if (Platform.isWindows()) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("jna-standin-");
            Path link = dir.resolve(System.mapLibraryName(dllName));
            Files.createSymbolicLink(link, Path.of(System.getProperty("java.home"), "lib", System.mapLibraryName("java")));
            link.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            NativeLibrary.addSearchPath(dllName, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
