package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, class 7: without root the options of root's sockets cannot be read, so a HIGH risk shows as INFO
 * OPTIONS-UNKNOWN and {@code audit --fail-on high} used to pass. Run as uid 65534 (setpriv, as an unprivileged CI
 * job would), the live audit must exit 5 (incomplete), and 0 only when the user accepts that with
 * --allow-incomplete.
 */
class UnprivilegedAuditTest {

    @TempDir
    Path readable;

    @Test
    void anAuditThatCouldNotReadOptionsDoesNotPass() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "needs Linux");
        assumeTrue((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0, "needs root to run as 65534");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv");
        String classPath = readableClassPath();
        // root's listener with SO_REUSEPORT: what the audit of a root process would flag, unreadable by uid 65534
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            server.bind(new InetSocketAddress("127.0.0.1", 0));

            Result strict = auditAsNobody(classPath, "audit", "--fail-on", "high");
            assertThat(strict.code()).as(strict.err()).isEqualTo(SocketInspectorCommand.EXIT_INCOMPLETE);
            assertThat(strict.err().strip().lines()).singleElement().asString()
                    .startsWith("socket-inspector: incomplete audit: the options or owner of ")
                    .contains("(run as root)", "--allow-incomplete");
            assertThat(strict.out()).contains("OPTIONS-UNKNOWN");

            Result accepted = auditAsNobody(classPath, "audit", "--fail-on", "high", "--allow-incomplete");
            assertThat(accepted.code()).as(accepted.err()).isZero();
        }
    }

    record Result(int code, String out, String err) { }

    private Result auditAsNobody(String classPath, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534",
                "--clear-groups", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djna.tmpdir=" + readable.resolve("jna-tmp"), "-cp", classPath, CliMain.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(new File("/"))
                .redirectError(readable.resolve("err.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("audit as uid 65534 ends").isTrue();
        return new Result(p.exitValue(), out, Files.readString(readable.resolve("err.txt")));
    }

    /** The test's class path, each entry uid 65534 cannot read (root's Maven repository) copied where it can. */
    private String readableClassPath() throws Exception {
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path jnaTemp = Files.createDirectory(readable.resolve("jna-tmp"));
        Files.setPosixFilePermissions(jnaTemp, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isRegularFile(path) && entry.endsWith(".jar")) {
                Path copy = Files.copy(path, readable.resolve((n++) + "-" + path.getFileName()));
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                entries.add(copy.toString());
            } else if (Files.isDirectory(path)) {
                assumeTrue(worldReadable(path), "the build output must be readable by uid 65534: " + path);
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static boolean worldReadable(Path path) throws Exception {
        for (Path p = path; p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }
}
