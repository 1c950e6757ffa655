package org.socketinspector.linux;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.socketinspector.model.NetNs;

/**
 * The network namespace this process reads sockets in (sock_diag and /proc/net answer for the caller's namespace):
 * the inode of {@code /proc/self/ns/net}, and its {@code ip netns} name when a bind mount under /run/netns is that
 * namespace (same nsfs device and inode; the first name in text order when there are several).
 */
final class NetworkNamespace {

    /** /run/netns is root's; a bound keeps a full folder from slowing every scan. */
    private static final int MAX_NAMES = 1024;

    private NetworkNamespace() {
    }

    static NetNs ofSelf(Path proc, Path runNetns) {
        Path self = proc.resolve("self/ns/net");
        Long inode = inode(self);
        if (inode == null) {
            return NetNs.UNKNOWN;
        }
        return new NetNs(inode, name(self, inode, runNetns));
    }

    /** The inode from the link text {@code net:[4026531840]}; null when it cannot be read. */
    static Long inode(Path nsLink) {
        try {
            String text = Files.readSymbolicLink(nsLink).toString();
            if (text.startsWith("net:[") && text.endsWith("]")) {
                long inode = Long.parseLong(text.substring(5, text.length() - 1));
                return inode > 0 ? inode : null;
            }
        } catch (IOException | UnsupportedOperationException | NumberFormatException | SecurityException e) {
            // no namespace files (a test's /proc, an old kernel): the namespace stays unknown
        }
        return null;
    }

    private static String name(Path self, long inode, Path runNetns) {
        Object device;
        try {
            device = Files.getAttribute(self, "unix:dev");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return null;
        }
        String found = null;
        int seen = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(runNetns)) {
            for (Path entry : entries) {
                if (++seen > MAX_NAMES) {
                    break;
                }
                String name = entry.getFileName().toString();
                try {
                    // NOFOLLOW: the entries are bind mounts (stat gives the mounted nsfs inode), never links
                    Object ino = Files.getAttribute(entry, "unix:ino", LinkOption.NOFOLLOW_LINKS);
                    Object dev = Files.getAttribute(entry, "unix:dev", LinkOption.NOFOLLOW_LINKS);
                    if (Long.valueOf(inode).equals(ino) && device.equals(dev)
                            && (found == null || name.compareTo(found) < 0)) {
                        found = name;
                    }
                } catch (IOException | SecurityException e) {
                    // removed while we looked: not a name of ours
                }
            }
        } catch (IOException | SecurityException e) {
            return null; // no /run/netns: no named namespaces
        }
        return found;
    }
}
