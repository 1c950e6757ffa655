package org.socketinspector.linux;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.socketinspector.model.HostInfo;
import org.socketinspector.parse.LoopbackFacts;

/**
 * This machine's host facts from /proc/sys: kernel release and the sysctls the reuse rules depend on; and the loopback
 * facts of the family-shadow rule: what localhost resolves to (/etc/hosts, /etc/gai.conf) and whether ::1 exists.
 */
public final class LinuxHost {
    private LinuxHost() {
    }

    /** A /proc/sys value of this machine, trimmed ("kernel/osrelease"); null when it cannot be read. */
    public static String sysctl(String name) {
        return trimmed(Path.of("/proc/sys").resolve(name));
    }

    static HostInfo read(Path proc) {
        // /proc beside /etc: a fixture tree keeps both side by side, and the live machine has them at the root.
        Path root = proc.toAbsolutePath().getParent();
        return read(proc, root == null ? Path.of("/etc") : root.resolve("etc"));
    }

    static HostInfo read(Path proc, Path etc) {
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
                bool(proc.resolve("sys/net/ipv6/bindv6only")), localhost(etc),
                LoopbackFacts.ipv6Loopback(trimmed(proc.resolve("net/if_inet6")),
                        trimmed(proc.resolve("sys/net/ipv6/conf/all/disable_ipv6")),
                        trimmed(proc.resolve("sys/net/ipv6/conf/lo/disable_ipv6"))));
    }

    /** Null when /etc/hosts cannot be read or names no address for localhost (another resolver answers then). */
    private static List<String> localhost(Path etc) {
        String hosts = trimmed(etc.resolve("hosts"));
        if (hosts == null) {
            return null;
        }
        String gai = trimmed(etc.resolve("gai.conf"));
        List<String> order = LoopbackFacts.localhost(hosts, gai == null ? "" : gai);
        return order.isEmpty() ? null : order;
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
            return new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
