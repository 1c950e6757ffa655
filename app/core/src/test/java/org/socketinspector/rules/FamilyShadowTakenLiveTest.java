package org.socketinspector.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.socketinspector.linux.LinuxSocketScanner;
import org.socketinspector.model.Scan;
import org.socketinspector.testing.RootTest;

/**
 * Issue 18, defect 7, live: root listens on 127.0.0.1:P, uid 65534 already holds [::1]:P; the real collector and
 * rule engine must raise LOCALHOST-FAMILY-TAKEN (high) naming the other user, not stay silent.
 */
@RootTest
class FamilyShadowTakenLiveTest {

    private static final int ATTACKER_UID = 65534;
    private static final String ATTACKER = String.join("\n",
            "import signal, socket, sys",
            "signal.alarm(120)  # never outlive a stuck test",
            "s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)",
            "s.bind(('::1', int(sys.argv[1])))",
            "s.listen()",
            "print('ready', flush=True)",
            "sys.stdin.read()");

    @Test
    void anotherUserOnTheOtherLoopbackFamilyIsRaisedAsTheAttackHappening() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "needs Linux");
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to run a listener as uid 65534");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) && Files.isExecutable(Path.of("/usr/bin/python3")),
                "needs setpriv and /usr/bin/python3");
        try (ServerSocketChannel root = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            root.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) root.getLocalAddress()).getPort();
            Process attacker = new ProcessBuilder("/usr/bin/setpriv", "--reuid=" + ATTACKER_UID,
                    "--regid=" + ATTACKER_UID, "--clear-groups", "/usr/bin/python3", "-c", ATTACKER,
                    Integer.toString(port)).directory(new File("/")).redirectErrorStream(true).start();
            try {
                String line = new BufferedReader(new InputStreamReader(attacker.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                assumeTrue("ready".equals(line), () -> "uid 65534 could not listen on [::1]:" + port
                        + " (no ::1 on this host?): " + line);

                Scan scan = new LinuxSocketScanner().scan(false);
                Scan onPort = scan.withSockets(scan.sockets().stream().filter(s -> s.localPort() == port).toList());
                assertThat(onPort.sockets()).hasSize(2);
                List<Finding> found = RuleEngine.audit(onPort).findings().stream()
                        .filter(f -> f.rule().startsWith("LOCALHOST-FAMILY")).toList();
                assertThat(found).extracting(Finding::rule).containsExactly("LOCALHOST-FAMILY-TAKEN");
                assertThat(found.get(0).severity()).isEqualTo(Severity.HIGH);
                assertThat(found.get(0).explanation()).contains("pid " + attacker.pid())
                        .contains("holds TCP [::1]:" + port);
            } finally {
                attacker.getOutputStream().close();
                if (!attacker.waitFor(5, TimeUnit.SECONDS)) {
                    attacker.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }
}
