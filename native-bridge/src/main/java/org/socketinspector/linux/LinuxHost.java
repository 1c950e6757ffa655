package org.socketinspector.linux;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.socketinspector.model.HostInfo;

/** This machine's host facts from /proc/sys: kernel release and the sysctls the reuse rules depend on. */
final class LinuxHost {
    private LinuxHost() {
    }

    static HostInfo read(Path proc) {
        String hostName = trimmed(proc.resolve("sys/kernel/hostname"));
        if (hostName == null) {
            try {
                hostName = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                hostName = null;
            }
        }
        return new HostInfo(hostName, "linux", trimmed(proc.resolve("sys/kernel/osrelease")),
                integer(proc.resolve("sys/net/ipv4/ip_unprivileged_port_start")),
                bool(proc.resolve("sys/net/ipv6/bindv6only")));
    }

    /** Effective uid 0: root sees every owner and may duplicate every descriptor (CAP_SYS_PTRACE). */
    static boolean privileged(Path proc) {
        String status = trimmed(proc.resolve("self/status"));
        Long uid = status == null ? null : ProcessReader.effectiveUid(status);
        return uid != null && uid == 0;
    }

    private static Integer integer(Path file) {
        String text = trimmed(file);
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean bool(Path file) {
        Integer value = integer(file);
        return value == null ? null : value != 0;
    }

    /**
     * Reads a small /proc file in ONE read: sysctl files answer EOF to any read at an offset other than 0, and
     * Files.readString reads a size-0 file one byte first, which turned "1024" into "1".
     */
    private static String trimmed(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
