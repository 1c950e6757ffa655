package org.socketinspector.experiment;

import java.util.Objects;
import org.socketinspector.collect.MachineFacts;
import org.socketinspector.collect.Platform;
import org.socketinspector.collect.Platforms;

/**
 * The host an experiment runs on, as its record states it (the regime that applies there:
 * {@code OsFamily.of(sockets.os())}): the platform's {@link MachineFacts}, of the platform this process's main made,
 * for the experiments that are not handed their platform yet.
 */
public final class HostFacts {

    private HostFacts() {
    }

    static String kernel() {
        return facts().kernelRelease();
    }

    static String hostName() {
        return facts().hostName();
    }

    private static MachineFacts facts() {
        return Platforms.ofThisProcess().map(Platform::machine).orElseGet(
                () -> new MachineFacts("unknown", Objects.requireNonNullElse(System.getProperty("os.version"), "unknown")));
    }
}
