package org.socketinspector.ui;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;
import java.util.stream.Stream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.testing.HostileUser;
import org.socketinspector.model.OsKind;

/** Where the GUI's log goes on each OS (XDG Base Directory on Linux, LOCALAPPDATA on Windows, Library/Logs on macOS). */
class GuiLogTest {

    private static final Path HOME = Path.of("/home/alice");

    @TempDir
    Path dir;

    private static Path file(OsKind os, Map<String, String> env) {
        return GuiLog.file(os, env::get, HOME);
    }

    @Test
    void linuxUsesXdgStateHomeOrItsDefault() {
        assertThat(file(OsKind.LINUX, Map.of("XDG_STATE_HOME", "/var/alice-state")))
                .isEqualTo(Path.of("/var/alice-state/socket-inspector/socket-inspector.log"));
        assertThat(file(OsKind.LINUX, Map.of()))
                .isEqualTo(Path.of("/home/alice/.local/state/socket-inspector/socket-inspector.log"));
        // The specification: an empty or relative value is invalid and ignored.
        assertThat(file(OsKind.LINUX, Map.of("XDG_STATE_HOME", ""))).isEqualTo(file(OsKind.LINUX, Map.of()));
        assertThat(file(OsKind.LINUX, Map.of("XDG_STATE_HOME", "state"))).isEqualTo(file(OsKind.LINUX, Map.of()));
    }

    @Test
    void windowsUsesLocalAppData() {
        String local = HOME.resolve("AppData/Local/Roaming-not").getParent().toString();
        assertThat(file(OsKind.WINDOWS, Map.of("LOCALAPPDATA", local)))
                .isEqualTo(Path.of(local, "Socket Inspector", "logs", "socket-inspector.log"));
        assertThat(file(OsKind.WINDOWS, Map.of()))
                .isEqualTo(HOME.resolve("AppData").resolve("Local").resolve("Socket Inspector").resolve("logs")
                        .resolve("socket-inspector.log"));
    }

    @Test
    void macosUsesLibraryLogs() {
        assertThat(file(OsKind.MACOS, Map.of("XDG_STATE_HOME", "/ignored")))
                .isEqualTo(Path.of("/home/alice/Library/Logs/Socket Inspector/socket-inspector.log"));
    }

    /**
     * Issue 18, defect 4: uid 65534 makes a FIFO named socket-inspector.log where the GUI logs (a folder others
     * can write) and reads it. The log used to open it (blocking the GUI while nobody read, handing over a
     * command line with its --password= once someone did); now it is refused at once and the log goes to a private
     * fallback, with a warning.
     */
    @Test
    void aFifoOfAnotherUserAtTheLogsNameIsRefusedWithoutBlockingAndTheLogGoesElsewhere() throws Exception {
        HostileUser.assumeAvailable();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path shared = Files.createDirectory(dir.resolve("state"));
        Files.setAttribute(shared, "unix:mode", 01777);
        Path log = shared.resolve(GuiLog.NAME);
        assertThat(HostileUser.run("mkfifo " + HostileUser.quote(log))).isZero();
        Path got = shared.resolve("got");
        assertThat(HostileUser.run("touch " + HostileUser.quote(got))).isZero();
        Process reader = HostileUser.start("exec cat " + HostileUser.quote(log) + " > " + HostileUser.quote(got));
        try {
            Path used = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> GuiLog.open(log));
            System.getLogger("org.socketinspector.ui").log(System.Logger.Level.INFO, "--password=hunter2");

            assertThat(used).isNotNull().isNotEqualTo(log);
            assertThat(Files.readString(used)).contains("cannot use the log file: " + log).contains("FIFO")
                    .contains("--password=hunter2");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(used.getParent())))
                    .isEqualTo("rwx------");
            cleanUp(used);
        } finally {
            reader.destroy(); // SIGTERM to cat itself (exec'ed): whatever it received is in the file
            assertThat(reader.waitFor(30, TimeUnit.SECONDS)).isTrue();
            LogManager.getLogManager().reset();
        }
        assertThat(Files.readString(got)).isEmpty();
    }

    /** Even the user's own FIFO with nobody reading: the GUI must not hang on its log. */
    @Test
    void ourOwnFifoWithoutReaderDoesNotBlock() throws Exception {
        assumeTrue(org.socketinspector.output.SafeFile.NATIVE, "Linux only");
        Path log = dir.resolve(GuiLog.NAME);
        Process mkfifo = new ProcessBuilder("mkfifo", log.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();
        try {
            Path used = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> GuiLog.open(log));
            assertThat(used).isNotNull().isNotEqualTo(log);
            cleanUp(used);
        } finally {
            LogManager.getLogManager().reset();
        }
    }

    @Test
    void aLinkAtTheLogsNameIsRefusedAndItsTargetUntouched() throws Exception {
        assumeTrue(org.socketinspector.output.SafeFile.NATIVE, "Linux only");
        Path victim = Files.writeString(dir.resolve("victim"), "precious\n");
        Path log = Files.createSymbolicLink(dir.resolve(GuiLog.NAME), victim);
        try {
            Path used = GuiLog.open(log);
            System.getLogger("org.socketinspector.ui").log(System.Logger.Level.INFO, "a line");
            assertThat(used).isNotEqualTo(log);
            assertThat(Files.readString(victim)).isEqualTo("precious\n");
            cleanUp(used);
        } finally {
            LogManager.getLogManager().reset();
        }
    }

    private static void cleanUp(Path fallback) throws Exception {
        LogManager.getLogManager().reset();
        try (Stream<Path> files = Files.list(fallback.getParent())) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(fallback.getParent());
    }
}
