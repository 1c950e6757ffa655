package org.socketinspector.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.socketinspector.testing.HostileUser.quote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.testing.HostileUser;
import org.socketinspector.testing.RootTest;

/**
 * Issue 18, defects 1 and 2: uid 65534 plants links, FIFOs and device nodes where root writes a report, or races
 * root in a folder it owns. Each test mounts the attack as that user (setpriv) and fails on the OutputFile before
 * SafeFile (which followed links in parent folders, wrote into FIFOs and anything under /dev, created the
 * temporary file 0644 and chmodded it by name).
 */
@RootTest
class SafeFileAttackTest {

    private static final String REPORT = "<html>root's report: secret</html>";

    @TempDir
    Path base;

    /** A folder like /tmp: root's, world-writable, sticky. */
    Path shared;

    @BeforeEach
    void sharedFolder() throws Exception {
        HostileUser.assumeAvailable();
        assumeTrue(SafeFile.NATIVE, "Linux only");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        shared = Files.createDirectory(base.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setAttribute(shared, "unix:mode", 01777);
    }

    @Test
    void aLinkOfAnotherUserToTheirFifoIsNotWrittenThrough() throws Exception {
        Path fifo = shared.resolve("pipe");
        Path report = shared.resolve("report.html");
        assertThat(HostileUser.run("mkfifo " + quote(fifo) + " && ln -s " + quote(fifo) + " " + quote(report)))
                .isZero();

        String got = readFifoAsAttackerWhile(fifo, () -> OutputFile.writeString(report, REPORT),
                "symbolic link owned by another user (uid 65534");

        assertThat(got).isEmpty();
    }

    @Test
    void aFifoOfAnotherUserAtTheReportsNameIsNotWritten() throws Exception {
        Path report = shared.resolve("report.html");
        assertThat(HostileUser.run("mkfifo " + quote(report))).isZero();

        String got = readFifoAsAttackerWhile(report, () -> OutputFile.writeString(report, REPORT),
                "FIFO of another user (uid 65534)");

        assertThat(got).isEmpty();
    }

    /**
     * A block device node without a driver (major 240, "local/experimental"): opening it fails with ENXIO, so the
     * old code's error said "No such device or address". The refusal names the device before any open: the write
     * never reached it. No real disk is ever involved.
     */
    @Test
    void aLinkToABlockDeviceIsRefusedBeforeOpeningIt() throws Exception {
        Path device = base.resolve("disk");
        Process mknod = new ProcessBuilder("mknod", device.toString(), "b", "240", "0").inheritIO().start();
        assumeTrue(mknod.waitFor(30, TimeUnit.SECONDS) && mknod.exitValue() == 0, "mknod not permitted here");
        Path report = shared.resolve("report.html");
        assertThat(HostileUser.run("ln -s " + quote(device) + " " + quote(report))).isZero();

        assertThatThrownBy(() -> OutputFile.writeString(report, REPORT))
                .hasMessageContaining("refusing to write through a symbolic link owned by another user (uid 65534")
                .hasMessageNotContaining("no such device");

        // no /dev exemption either: root's own link to a block device is refused as well, before the open
        Path own = Files.createSymbolicLink(base.resolve("own-link"), device);
        assertThatThrownBy(() -> OutputFile.writeString(own, REPORT))
                .hasMessageContaining("is a block device; refusing")
                .hasMessageNotContaining("no such device");
        assertThat(Files.exists(device, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void aLinkUnderDevShmToARootFileIsRefused() throws Exception {
        Path devShm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(devShm), "needs /dev/shm");
        Path victim = Files.writeString(base.resolve("root-only.conf"), "root's configuration\n");
        Path link = devShm.resolve("si-attack-" + ProcessHandle.current().pid());
        try {
            assertThat(HostileUser.run("ln -s " + quote(victim) + " " + quote(link))).isZero();

            assertThatThrownBy(() -> OutputFile.writeString(link, REPORT))
                    .hasMessageContaining("symbolic link owned by another user (uid 65534");

            assertThat(Files.readString(victim)).isEqualTo("root's configuration\n");
        } finally {
            Files.deleteIfExists(link);
        }
    }

    @Test
    void aLinkOfAnotherUserInAParentFolderIsNotFollowed() throws Exception {
        Path rootOnly = Files.createDirectory(base.resolve("root-only"));
        Files.setPosixFilePermissions(rootOnly, PosixFilePermissions.fromString("rwx------"));
        Path reports = shared.resolve("reports");
        assertThat(HostileUser.run("ln -s " + quote(rootOnly) + " " + quote(reports))).isZero();

        assertThatThrownBy(() -> OutputFile.writeString(reports.resolve("r.html"), REPORT))
                .hasMessageStartingWith(reports.resolve("r.html") + ": cannot write (refusing to write through a"
                        + " symbolic link owned by another user (uid 65534, reports -> ");

        try (Stream<Path> files = Files.list(rootOnly)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFolderOfAnotherUserIsRefused() throws Exception {
        Path theirs = theirFolder();
        assertThatThrownBy(() -> OutputFile.writeString(theirs.resolve("r.html"), REPORT))
                .hasMessageContaining("refusing to write in a folder of another user (uid 65534)");
        try (Stream<Path> files = Files.list(theirs)) {
            assertThat(files).isEmpty();
        }
    }

    /**
     * The folder's owner swaps {@code .r.html.*.tmp} for a link to a root file while root writes. The write waits
     * (with a deadline) until the swap happened, so every try is the attack winning its race; the target of the
     * link must keep its mode. {@link OutputFile} refuses such a folder outright; this drives the replacing step
     * itself, which is what still runs in a sticky folder.
     */
    @Test
    void theFolderOwnerSwappingTheTemporaryFileForALinkCannotGetAFileChmodded() throws Exception {
        Path theirs = theirFolder();
        Path victim = Files.writeString(base.resolve("shadow"), "root:secret\n");
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-------"));
        Path report = theirs.resolve("r.html");
        Process swapper = HostileUser.start("while :; do for f in " + quote(theirs) + "/.r.html.*.tmp; do"
                + " [ -f \"$f\" ] && [ ! -L \"$f\" ] && rm \"$f\" && ln -s " + quote(victim) + " \"$f\"; done; done");
        int tries = 0;
        int swapped = 0;
        Instant deadline = Instant.now().plusSeconds(60);
        try {
            for (; tries < 5 && Instant.now().isBefore(deadline); tries++) {
                int dirfd = LinuxFiles.INSTANCE.openat(LinuxFiles.AT_FDCWD, SafeFile.bytesWithNul(theirs),
                        SafeFile.DIR_FLAGS, 0);
                try {
                    FileStat open = new FileStat(LinuxFiles.S_IFREG | 0777, 0, 0, 0, 0, 0); // "r.html" was 0777
                    SafeFile.replace(dirfd, SafeFile.cstr("r.html"), open, out -> {
                        out.write(REPORT.getBytes(StandardCharsets.UTF_8));
                        awaitSwapIn(theirs, deadline);
                    });
                } catch (IOException e) {
                    assertThat(e).hasMessageContaining("was replaced by someone else; not written");
                    swapped++;
                } finally {
                    LinuxFiles.INSTANCE.close(dirfd);
                }
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(victim)))
                        .isEqualTo("rw-------");
                assertThat(Files.readString(victim)).isEqualTo("root:secret\n");
            }
        } finally {
            swapper.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(swapped).as("tries where uid 65534 won the race").isEqualTo(tries).isPositive();
        assertThat(Files.exists(report, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void theTemporaryFileIsNeverReadableByAnotherUser() throws Exception {
        Path open = Files.createDirectory(base.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path report = open.resolve("private.pdf");
        int[] attackerRead = {-1};
        String[] mode = {null};
        OutputFile.write(report, out -> {
            out.write(REPORT.getBytes(StandardCharsets.UTF_8));
            out.flush();
            Path temp = onlyTemp(open);
            mode[0] = PosixFilePermissions.toString(Files.getPosixFilePermissions(temp));
            try {
                attackerRead[0] = HostileUser.run("cat " + quote(temp) + " >/dev/null");
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        });
        assertThat(mode[0]).isEqualTo("rw-------");
        assertThat(attackerRead[0]).as("uid 65534's cat of the temporary file").isNotZero();
        assertThat(Files.readString(report)).isEqualTo(REPORT);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private Path theirFolder() throws Exception {
        Path theirs = Files.createDirectory(base.resolve("theirs"));
        Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setAttribute(theirs, "unix:uid", HostileUser.UID);
        Files.setAttribute(theirs, "unix:gid", HostileUser.UID);
        return theirs;
    }

    interface Write {
        void run() throws Exception;
    }

    /**
     * Runs the write while uid 65534 reads the FIFO into a file (what the attacker would receive), expecting the
     * write to be refused with {@code refusal}; then ends the reader and returns what it got.
     */
    private String readFifoAsAttackerWhile(Path fifo, Write write, String refusal) throws Exception {
        Path got = shared.resolve("got");
        assertThat(HostileUser.run("touch " + quote(got))).isZero();
        Process reader = HostileUser.start("exec cat " + quote(fifo) + " > " + quote(got));
        try {
            assertThatThrownBy(write::run).hasMessageContaining(refusal);
        } finally {
            reader.destroy(); // SIGTERM to cat itself (exec'ed): whatever it received is in the file
            assertThat(reader.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return Files.readString(got);
    }

    /** Waits until uid 65534 replaced the (one) temporary file being written with a link. */
    private static void awaitSwapIn(Path folder, Instant deadline) throws IOException {
        Path temp;
        try (Stream<Path> files = Files.list(folder)) {
            temp = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).findFirst()
                    .orElseThrow(() -> new IOException("the temporary file is gone already"));
        }
        while (Instant.now().isBefore(deadline)) {
            if (Files.isSymbolicLink(temp)) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new IOException("uid 65534 did not swap the temporary file before the deadline");
    }

    private static Path onlyTemp(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("\\.private\\.pdf\\.[0-9a-f]{16}\\.tmp"))
                    .findFirst().orElseThrow(() -> new IOException("no temporary file in " + folder));
        }
    }
}
