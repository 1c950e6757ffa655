package org.socketinspector.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.testing.RootTest;

/**
 * Without root the scan still runs and says what it cannot see: a scan made as uid 65534 must list root's
 * listener with pid and options null (never a guess, never false) and explain it in the limitations.
 */
class UnprivilegedScanTest {

    @TempDir
    Path readable;

    @RootTest
    @Test
    void scanAsAnotherUserReportsUnknownsAndWhy() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "needs Linux");
        assumeTrue(LinuxHost.privileged(Path.of("/proc")), "needs root to start the scan as uid 65534");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv");
        // uid 65534 cannot read root's Maven repository: give it a copy of JNA. The classes themselves must be
        // world-readable where they are (the project checkout).
        Path classes = Path.of(UnprivilegedScanMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path mainClasses = Path.of(LinuxSocketScanner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assumeTrue(worldReadable(classes) && worldReadable(mainClasses),
                "the build output must be readable by uid 65534: " + classes);
        Path jna = Files.copy(Path.of(Native.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                readable.resolve("jna.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jnaTemp = Files.createDirectory(readable.resolve("jna-tmp")); // JNA unpacks its stub here
        Files.setPosixFilePermissions(jnaTemp, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(jna, PosixFilePermissions.fromString("rw-r--r--"));

        try (ServerSocketChannel server = LinuxSocketScannerTest.listener("127.0.0.1", true, false)) {
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            String classPath = classes + File.pathSeparator + mainClasses + File.pathSeparator + jna;

            List<String> out = scanAsNobody(classPath, jnaTemp.toString(), port);
            assertThat(out).contains("privileged false");
            // pidfd-getsockopt may follow: uid 65534 can read the options of its own processes, if any run
            assertThat(out).anyMatch(l -> l.startsWith("sources [netlink, procfs-fd"));
            assertThat(out).contains("socket pid=null uid=0 reuseAddress=null reusePort=null");
            assertThat(out).anyMatch(l -> l.startsWith("limitation owner unknown for ")
                    && l.contains("/proc/<pid>/fd need root"));
            assertThat(out).anyMatch(l -> l.startsWith("limitation reuse options unknown for "));

            // Without a usable JNA (here: no writable directory for its stub) the scan falls back to /proc.
            List<String> withoutJna = scanAsNobody(classPath, "/nonexistent", port);
            assertThat(withoutJna).contains("privileged false", "sources [procfs-net, procfs-fd]");
            assertThat(withoutJna).contains("socket pid=null uid=0 reuseAddress=null reusePort=null");
            assertThat(withoutJna).anyMatch(l -> l.startsWith("limitation sock_diag netlink unavailable (native calls"
                    + " unavailable (JNA: "));
        }
    }

    private static List<String> scanAsNobody(String classPath, String jnaTemp, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process scan = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                java, "-Djna.tmpdir=" + jnaTemp, "-cp", classPath, UnprivilegedScanMain.class.getName(),
                Integer.toString(port)).directory(new File("/")).redirectErrorStream(true).start();
        try {
            assertThat(scan.waitFor(60, TimeUnit.SECONDS)).as("scan as uid 65534 ends").isTrue();
            return List.of(new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        } finally {
            scan.destroyForcibly();
        }
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
