package org.socketinspector.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.socketinspector.collect.OsKind;
import org.socketinspector.semantics.OsFamily;

/** The host an experiment runs on, as its record states it, and the bind-semantics regime that applies there. */
public final class HostFacts {

    private HostFacts() {
    }

    /** The bind-semantics regime of the OS this application runs on (what its experiments are compared with). */
    public static OsFamily osFamily() {
        return switch (OsKind.current()) {
            case WINDOWS -> OsFamily.WINDOWS;
            case MACOS -> OsFamily.MACOS;
            case FREEBSD -> OsFamily.FREEBSD;
            default -> OsFamily.LINUX;
        };
    }

    static String kernel() {
        return read("/proc/sys/kernel/osrelease", System.getProperty("os.version"));
    }

    static String hostName() {
        String windowsName = System.getenv("COMPUTERNAME"); // no DNS lookup for a name the OS already knows
        return read("/proc/sys/kernel/hostname", windowsName == null ? "unknown" : windowsName);
    }

    private static String read(String file, String fallback) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return fallback;
        }
    }
}
