package org.socketinspector.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.model.NetNs;
import org.socketinspector.model.Scan;

/** The collector's network namespace: read from /proc/self/ns/net, unknown where there is none. */
class NetworkNamespaceTest {

    @TempDir
    Path dir;

    @Test
    void theInodeComesFromTheNamespaceLinkAndANameOnlyFromAMatchingBindMount() throws Exception {
        Path ns = Files.createDirectories(dir.resolve("proc/self/ns"));
        Files.createSymbolicLink(ns.resolve("net"), Path.of("net:[4026532301]"));
        Path run = Files.createDirectories(dir.resolve("run/netns"));
        Files.writeString(run.resolve("web"), ""); // a plain file, not that namespace's bind mount
        NetNs netns = NetworkNamespace.ofSelf(dir.resolve("proc"), run);
        assertThat(netns).isEqualTo(new NetNs(4026532301L, null));
    }

    @Test
    void noNamespaceFilesMeanTheUnknownForm() throws Exception {
        Files.createDirectories(dir.resolve("proc/self"));
        assertThat(NetworkNamespace.ofSelf(dir.resolve("proc"), dir.resolve("run/netns"))).isEqualTo(NetNs.UNKNOWN);
        Path ns = Files.createDirectories(dir.resolve("proc/self/ns"));
        Files.createSymbolicLink(ns.resolve("net"), Path.of("mnt:[12]"));
        assertThat(NetworkNamespace.ofSelf(dir.resolve("proc"), dir.resolve("run/netns"))).isEqualTo(NetNs.UNKNOWN);
    }

    @Test
    void aLiveScanPutsEverySocketInThisProcesssNamespace() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "needs Linux");
        Path self = Path.of("/proc/self/ns/net");
        assumeTrue(Files.isSymbolicLink(self), "this kernel has no /proc/self/ns/net");
        long inode = Long.parseLong(Files.readSymbolicLink(self).toString().replaceAll("\\D", ""));
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            Scan scan = new LinuxSocketScanner().scan(false);
            assertThat(scan.sockets()).isNotEmpty().allMatch(s -> s.netns().inode() == inode,
                    "every socket is in netns " + inode);
        }
    }
}
