package org.socketinspector.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The host an experiment runs on, as its record states it (the regime that applies there: {@code OsFamily.of(sockets.os())}). */
public final class HostFacts {

    private HostFacts() {
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
