package org.socketinspector.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The host an experiment ran on, as its record states it. */
final class HostFacts {

    private HostFacts() {
    }

    static String kernel() {
        return read("/proc/sys/kernel/osrelease", System.getProperty("os.version"));
    }

    static String hostName() {
        return read("/proc/sys/kernel/hostname", "unknown");
    }

    private static String read(String file, String fallback) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return fallback;
        }
    }
}
