package org.socketinspector.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.socketinspector.linux.LinuxSocketScannerTest.find;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.testing.RootTest;

/**
 * A helper process running as uid 65534 opens sockets with known options; the scan (as root) must attribute them
 * to it and read its options through pidfd_getfd, and the helper must keep serving afterwards.
 */
class OtherUserSocketsTest {

    private static final int HELPER_UID = 65534;

    /** Python can set every option; it prints its ports, serves one connection, then waits for stdin to close. */
    private static final String HELPER = String.join("\n",
            "import signal, socket, sys",
            "signal.alarm(120)  # never outlive a stuck test",
            "S = socket.SOL_SOCKET",
            "def sock(family, kind, address, opts, listen):",
            "    s = socket.socket(family, kind)",
            "    for level, name in opts: s.setsockopt(level, name, 1)",
            "    if family == socket.AF_INET6 and (socket.IPPROTO_IPV6, socket.IPV6_V6ONLY) not in opts:",
            "        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)",
            "    s.bind((address, 0))",
            "    if listen: s.listen()",
            "    return s",
            "t4 = sock(socket.AF_INET, socket.SOCK_STREAM, '127.0.0.1', [(S, socket.SO_REUSEADDR)], True)",
            "t6 = sock(socket.AF_INET6, socket.SOCK_STREAM, '::1', [(S, socket.SO_REUSEPORT),"
                    + " (socket.IPPROTO_IPV6, socket.IPV6_V6ONLY)], True)",
            "m6 = sock(socket.AF_INET6, socket.SOCK_STREAM, '::ffff:127.0.0.1', [], True)",
            "u4 = sock(socket.AF_INET, socket.SOCK_DGRAM, '127.0.0.1', [(S, socket.SO_REUSEADDR),"
                    + " (S, socket.SO_REUSEPORT)], False)",
            "print(*(s.getsockname()[1] for s in (t4, t6, m6, u4)), flush=True)",
            "c, _ = t4.accept(); c.sendall(b'ok'); c.close()",
            "sys.stdin.read()");

    @RootTest
    @Test
    void rootReadsTheOptionsOfAnotherUsersSockets() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "needs Linux");
        assumeTrue(LinuxHost.privileged(Path.of("/proc")), "needs root to start a helper as uid 65534 and to "
                + "duplicate its descriptors");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) && Files.isExecutable(Path.of("/usr/bin/python3")),
                "needs setpriv and python3");
        Process helper = new ProcessBuilder("/usr/bin/setpriv", "--reuid=" + HELPER_UID, "--regid=" + HELPER_UID,
                "--clear-groups", "/usr/bin/python3", "-c", HELPER)
                .directory(new File("/")).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(helper.getInputStream(),
                    StandardCharsets.US_ASCII));
            String line = out.readLine();
            assertThat(line).as("helper's ports").isNotNull();
            String[] ports = line.trim().split(" ");
            int pid = (int) helper.pid(); // setpriv execs python3: same pid

            Scan scan = new LinuxSocketScanner().scan(false);

            SocketRecord t4 = find(scan, Protocol.TCP, Integer.parseInt(ports[0]));
            assertThat(t4.pid()).isEqualTo(pid);
            assertThat(t4.uid()).isEqualTo(HELPER_UID);
            assertThat(t4.process().uid()).isEqualTo(HELPER_UID);
            assertThat(t4.process().user()).isEqualTo(new UserNames(Path.of("/etc/passwd")).name(HELPER_UID))
                    .isNotNull();
            assertThat(t4.process().name()).isEqualTo("python3");
            assertThat(t4.process().commandLine()).startsWith("/usr/bin/python3 -c import signal");
            assertThat(t4.process().executable()).contains("python3");
            assertThat(t4.options()).isEqualTo(new SocketOptions(true, false, null, null));

            assertThat(find(scan, Protocol.TCP, Integer.parseInt(ports[1])).options())
                    .isEqualTo(new SocketOptions(false, true, null, true));
            SocketRecord m6 = find(scan, Protocol.TCP, Integer.parseInt(ports[2]));
            assertThat(m6.localAddress()).isEqualTo("::ffff:127.0.0.1");
            assertThat(m6.options()).isEqualTo(new SocketOptions(false, false, null, false));
            SocketRecord u4 = find(scan, Protocol.UDP, Integer.parseInt(ports[3]));
            assertThat(u4.pid()).isEqualTo(pid);
            assertThat(u4.options()).isEqualTo(new SocketOptions(true, true, null, null));

            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(ports[0])), 5_000);
                client.setSoTimeout(5_000);
                assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                        .as("the helper still accepts and serves after its descriptor was duplicated").isEqualTo("ok");
            }
        } finally {
            helper.getOutputStream().close();
            if (!helper.waitFor(5, TimeUnit.SECONDS)) {
                helper.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
