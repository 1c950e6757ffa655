package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import org.junit.jupiter.api.Test;

/** {@code scan --cross-check} on this machine: the native source and ss both see the listener this JVM opens. */
class ScanCrossCheckTest {

    @Test
    void bothSourcesSeeOurListener() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "live scans run on Linux");
        assumeTrue(org.socketinspector.exec.CommandRunner.onPath("ss"), "ss is not installed");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();

            CliRun run = CliRun.run("scan", "--cross-check");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("limitation: cross-check: ");
            // other processes on this machine may open and close sockets between the two reads; ours stays put
            assertThat(run.out().lines().filter(l -> l.startsWith("limitation: cross-check: only")))
                    .noneMatch(l -> l.contains("127.0.0.1:" + port + " "));
            assertThat(run.out()).contains("127.0.0.1:" + port);
        }
    }
}
