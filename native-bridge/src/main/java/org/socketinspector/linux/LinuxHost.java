package org.socketinspector.linux;

import java.io.IOException;
import java.net.InetAddress;
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

    private static String trimmed(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
