package org.socketinspector.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack of issue 14: another user plants a symbolic link at the path root will write and points it at a file
 * of their choice. The folder here is not sticky, so the kernel's fs.protected_symlinks does not apply: only
 * {@link OutputFile}'s own rule stands between the link and the victim file.
 */
class OutputFileTest {

    @TempDir
    Path dir;

    @Test
    void refusesALinkOwnedByAnotherUserAndLeavesItsTargetAlone() throws Exception {
        assumeTrue(isRoot(), "needs root to give a symbolic link to uid 65534");
        Path victim = Files.writeString(dir.resolve("shadow"), "root:secret\n");
        Path link = Files.createSymbolicLink(dir.resolve("report.html"), victim);
        chownLink(link, 65534);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx")); // not sticky

        assertThatThrownBy(() -> OutputFile.writeString(link, "<html>"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("report.html")
                .hasMessageContaining("symbolic link owned by another user (uid 65534");
        assertThat(Files.readString(victim)).isEqualTo("root:secret\n");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void followsOurOwnLinkAndReplacesItsTargetKeepingTheMode() throws Exception {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("out.json"), real.getFileName());

        OutputFile.writeString(link, "new");

        assertThat(Files.readString(real)).isEqualTo("new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-r-----");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("real.json", "out.json");
        }
    }

    @Test
    void aFailedWriteLeavesThePreviousFileIntactAndSaysWhy() throws Exception {
        Path report = Files.writeString(dir.resolve("audit.html"), "previous report");

        assertThatThrownBy(() -> OutputFile.write(report, out -> {
            out.write("half a rep".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).hasMessage(report + ": cannot write (No space left on device)");

        assertThat(Files.readString(report)).isEqualTo("previous report");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(report); // no temporary file left behind
        }
    }

    @Test
    void aMissingFolderIsNamedWithTheReason() {
        Path nowhere = dir.resolve("no/such/folder/out.csv");
        assertThatThrownBy(() -> OutputFile.writeString(nowhere, "x"))
                .hasMessage(nowhere + ": cannot write (no such file or folder)");
    }

    @Test
    void aDeviceIsWrittenInPlace() throws Exception {
        assumeTrue(Files.isWritable(Path.of("/dev/null")), "needs /dev/null");
        OutputFile.writeString(Path.of("/dev/null"), "discarded");
        assertThat(OutputFile.isSpecial(Path.of("/dev/null"))).isTrue();
        assertThat(OutputFile.isSpecial(Path.of("/dev/stdout"))).isTrue();
        assertThat(OutputFile.isSpecial(dir.resolve("report.csv"))).isFalse();
        assertThat(Files.exists(Path.of("/dev/.null.tmp"))).isFalse();
    }

    /**
     * No /dev exemption any more, but /dev/stdout still reaches what the shell gave the program: the link is
     * root's in a folder only root changes, and /proc/self/fd/1 is this process's own descriptor (the kernel opens
     * it, be it a pipe, a terminal or a file).
     */
    @Test
    void devStdoutStillReachesThePipe() throws Exception {
        assumeTrue(SafeFile.NATIVE, "Linux only");
        java.util.List<String> command = org.socketinspector.testing.ChildJvm.command(WriteMain.class, "/dev/stdout",
                "report on a pipe");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo("report on a pipe");
        assertThat(child.exitValue()).isZero();
    }

    static boolean isRoot() throws IOException {
        return "root".equals(System.getProperty("user.name"))
                && (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    }

    /** lchown: the link itself changes owner, as if uid 65534 had made it. */
    static void chownLink(Path link, int uid) throws IOException {
        Files.setAttribute(link, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        assertThat((Integer) Files.getAttribute(link, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(uid);
    }

}
