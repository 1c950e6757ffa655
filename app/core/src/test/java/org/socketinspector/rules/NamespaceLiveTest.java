package org.socketinspector.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.socketinspector.history.SnapshotDiff;
import org.socketinspector.json.ScanJson;
import org.socketinspector.linux.LinuxSocketScanner;
import org.socketinspector.model.EndpointId;
import org.socketinspector.model.NamespaceInfo;
import org.socketinspector.model.NetNs;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.testing.RootTest;

/**
 * Live, with a real network namespace made by {@code ip netns}: the collector records each socket's namespace
 * (inode, and the ip-netns name), and two namespaces holding one port, merged into one scan as a multi-namespace
 * collector would, raise nothing against each other.
 */
@RootTest
class NamespaceLiveTest {

    @Test
    void socketsCarryTheirNamespaceAndTwoNamespacesOnOnePortNeverConflict() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "needs Linux");
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to make a network namespace");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")),
                "needs iproute2's ip");
        String name = "si-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
        assumeTrue(run("ip", "netns", "add", name) == 0, "ip netns add failed (no CAP_SYS_ADMIN in this container?)");
        try {
            assertThat(run("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up")).isZero();
            try (ServerSocketChannel here = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
                here.bind(new InetSocketAddress("127.0.0.1", 0));
                int port = ((InetSocketAddress) here.getLocalAddress()).getPort();
                Scan inside = scanInside(name, port);
                Scan host = new LinuxSocketScanner().scan(false);

                SocketRecord theirs = onPort(inside, port).get(0);
                SocketRecord ours = onPort(host, port).get(0);
                assertThat(theirs.netns().name()).isEqualTo(name);
                assertThat(theirs.netns().inode()).isNotNull().isNotEqualTo(ours.netns().inode());
                assertThat(ours.netns().inode()).isEqualTo(Long.valueOf(Files.readSymbolicLink(
                        Path.of("/proc/self/ns/net")).toString().replaceAll("\\D", "")));

                List<SocketRecord> both = new ArrayList<>(onPort(host, port));
                both.addAll(onPort(inside, port));
                Scan merged = host.withSockets(both)
                        .withNamespaces(List.of(NamespaceInfo.of(inside.host(), theirs.netns())));
                List<Finding> findings = RuleEngine.audit(merged).findings();
                assertThat(findings).extracting(Finding::rule).doesNotContain("REUSE-GROUP-OBSERVED",
                        "LOCALHOST-FAMILY-TAKEN", "SPECIFIC-OVER-WILDCARD");
                assertThat(findings).allMatch(f -> f.socket().netns() != null, "each finding names its namespace");
                // without namespaces, the same two sockets would be a reuse group
                Scan flattened = merged.withSockets(both.stream().map(s -> s.withNetns(NetNs.UNKNOWN)).toList());
                assertThat(RuleEngine.audit(flattened).findings()).extracting(Finding::rule)
                        .contains("REUSE-GROUP-OBSERVED");

                // the merged scan keeps the contract and comes back equal
                assertThat(ScanJson.read(ScanJson.write(merged)).scan()).isEqualTo(merged);
                assertThat(EndpointId.of(merged, theirs).namespace()).isEqualTo("name:" + name);
                assertThat(EndpointId.of(merged, ours).namespace()).isEqualTo(EndpointId.HOST);
                // the namespace made again (a container restart: new inode, same name) changes no listener
                Scan recreated = merged.withSockets(both.stream().map(s -> s.netns().equals(theirs.netns())
                        ? s.withNetns(new NetNs(s.netns().inode() + 1, name)) : s).toList())
                        .withNamespaces(List.of(NamespaceInfo.of(inside.host(),
                                new NetNs(theirs.netns().inode() + 1, name))));
                assertThat(SnapshotDiff.between(merged, recreated).isEmpty()).isTrue();
            }
        } finally {
            run("ip", "netns", "delete", name);
        }
    }

    private static List<SocketRecord> onPort(Scan scan, int port) {
        List<SocketRecord> found = scan.sockets().stream().filter(s -> s.localPort() == port && s.isListening())
                .toList();
        assertThat(found).as("listeners on port " + port).hasSize(1);
        return found;
    }

    private static Scan scanInside(String namespace, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder("ip", "netns", "exec", namespace, java, "-cp",
                System.getProperty("java.class.path"), NetnsScanMain.class.getName(), Integer.toString(port))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        child.getOutputStream().close();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the scan in the namespace ends").isTrue();
        assertThat(child.exitValue()).as("scan in " + namespace + ": " + out).isZero();
        return ScanJson.read(out).scan();
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(new File("/")).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
