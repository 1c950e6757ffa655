package org.socketinspector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketinspector.model.Family;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;

/**
 * Issue 18, defects 3 and 14: uid 65534 plants files where root's history goes (a sticky folder as /tmp, a
 * folder whose parent it owns) and root opens the history. Each attack is mounted by the attacker for real, with
 * {@code setpriv --reuid=65534 --regid=65534 --clear-groups}; without root (no second user) they are skipped.
 */
class PlantedHistoryFilesTest {

    private static final int ATTACKER = 65534;

    @TempDir
    Path dir;

    /** A 1777 folder the attacker can reach, as /tmp is. */
    private Path sticky;

    @BeforeEach
    void stickyFolder() throws IOException {
        assumeTrue(HistoryPath.supported(), "POSIX owners and modes only");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        sticky = Files.createDirectory(dir.resolve("tmp"));
        Files.setAttribute(sticky, "unix:mode", 01777);
    }

    @Test
    void anEmptyWorldWritableDatabasePlantedInAStickyFolderIsRefused() throws Exception {
        assumeRoot();
        Path db = sticky.resolve("h.db");
        attacker("sh", "-c", "umask 0; : > " + db); // 0666, uid 65534
        assertThat((Integer) Files.getAttribute(db, "unix:uid")).isEqualTo(ATTACKER);

        assertThatThrownBy(() -> {
            try (HistoryStore history = HistoryStore.open(db)) {
                history.saveSnapshot(Fixtures.audit(withSecret()));
            }
        }).isInstanceOf(StoreException.class).hasMessage("history database " + db + ": " + db + " belongs to uid"
                + " 65534, not to this user (uid 0) or root: another user planted it, and would read or change what"
                + " is stored through it; refusing to use it");
        assertThat(Files.size(db)).as("nothing of root's went into the attacker's file").isZero();
        assertThat(attackerReads(db)).doesNotContain("hunter2");
        for (String side : HistoryPath.SIDE_FILES) {
            assertThat(sticky.resolve("h.db" + side)).doesNotExist();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-wal", "-shm", "-journal"})
    void aRegularSideFilePlantedBesideANewDatabaseIsRefusedBeforeSqliteOpensAnything(String suffix)
            throws Exception {
        assumeRoot();
        Path db = sticky.resolve("h.db");
        Path side = sticky.resolve("h.db" + suffix);
        attacker("sh", "-c", "umask 0; : > " + side);

        assertThatThrownBy(() -> {
            try (HistoryStore history = HistoryStore.open(db)) {
                history.saveSnapshot(Fixtures.audit(withSecret()));
            }
        }).isInstanceOf(StoreException.class).hasMessage("history database " + db + ": side file " + side
                + " belongs to uid 65534, not to this user (uid 0) or root: another user planted it and would receive"
                + " the history's pages; refusing to open the history beside it (remove it if it is not yours)");
        assertThat(db).as("refused before anything was created").doesNotExist();
        assertThat(Files.size(side)).isZero();
    }

    /** SQLite refuses a link at a side file (O_NOFOLLOW) but says only "unable to open database file". */
    @ParameterizedTest
    @ValueSource(strings = {"-wal", "-shm", "-journal"})
    void aLinkAtASideFileIsRefusedNamingIt(String suffix) throws Exception {
        assumeRoot();
        Path db = sticky.resolve("h.db");
        try (HistoryStore history = HistoryStore.open(db)) {
            history.saveSnapshot(Fixtures.audit(withSecret()));
        }
        Path victim = Files.writeString(dir.resolve("victim"), "root's\n");
        Path side = sticky.resolve("h.db" + suffix);
        attacker("ln", "-s", victim.toString(), side.toString());

        assertThatThrownBy(() -> HistoryStore.open(db).close()).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("history database " + db + ": side file " + side + " is a symbolic link, not"
                        + " a regular file; refusing to open the history beside it");
        assertThatThrownBy(() -> HistoryStore.openForReading(db).close()).isInstanceOf(StoreException.class)
                .hasMessageContaining("side file " + side + " is a symbolic link");
        assertThat(Files.readString(victim)).isEqualTo("root's\n");

        Files.delete(side); // once it is gone, the history is whole
        try (HistoryStore history = HistoryStore.open(db)) {
            assertThat(history.list(HistoryFilter.snapshots(), Page.FIRST)).hasSize(1);
        }
    }

    /** A link root owns is not planted, but SQLite cannot use it either: said the same way. */
    @Test
    void ourOwnLinkAtTheWalIsRefusedNamingIt() throws Exception {
        Path db = dir.resolve("h.db");
        HistoryStore.open(db).close();
        Path side = Files.createSymbolicLink(dir.resolve("h.db-wal"), dir.resolve("elsewhere"));
        assertThatThrownBy(() -> HistoryStore.open(db).close()).isInstanceOf(StoreException.class)
                .hasMessageContaining("side file " + side + " is a symbolic link, not a regular file");
    }

    /** In a sticky folder (as /tmp) our own history works, and its side files are as private as the file. */
    @Test
    void aHistoryOfOursInAStickyFolderWorks() throws Exception {
        Path db = sticky.resolve("h.db");
        try (HistoryStore history = HistoryStore.open(db)) {
            history.saveSnapshot(Fixtures.audit(withSecret()));
            for (String side : List.of("-wal", "-shm")) {
                Path file = sticky.resolve("h.db" + side);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file,
                        LinkOption.NOFOLLOW_LINKS))).as(side).isEqualTo("rw-------");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
        try (HistoryStore again = HistoryStore.openForReading(db)) {
            assertThat(again.list(HistoryFilter.snapshots(), Page.FIRST)).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/stdout", "/dev/null", "fifo"})
    void aPathThatIsNotARegularFileIsRefusedNamingIt(String name) throws Exception {
        Path path = name.startsWith("/") ? Path.of(name) : dir.resolve(name);
        if (!name.startsWith("/")) {
            assertThat(new ProcessBuilder("mkfifo", path.toString()).start().waitFor()).isZero();
        }
        for (boolean reading : new boolean[] {false, true}) {
            assertThatThrownBy(() -> (reading ? HistoryStore.openForReading(path) : HistoryStore.open(path)).close())
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("history database " + path + " is a ")
                    .hasMessageContaining(", not a regular file; the history must be a file of its own")
                    .message().doesNotContain(".socket-inspector-", ".uid", "\n");
        }
    }

    /**
     * The chmod race: the folder's parent belongs to uid 65534, which swaps the folder with a link to a folder of
     * root's holding a {@code history.db}, back and forth without pause, while root opens its default history (which makes an old
     * 0755 folder private). Root's victim file must keep its mode whatever the timing; bounded by tries and time.
     */
    @Test
    void aParentOwnedByTheAttackerCannotMakeRootChmodAFileOfItsChoice() throws Exception {
        assumeRoot();
        Path parent = Files.createDirectory(dir.resolve("att"));
        Path folder = Files.createDirectory(parent.resolve("socket-inspector"));
        Path db = folder.resolve(DatabaseLocation.FILE_NAME);
        try (HistoryStore history = HistoryStore.open(db)) {
            history.saveSnapshot(Fixtures.audit(withSecret()));
        }
        Path victimFolder = Files.createDirectory(dir.resolve("victim"));
        Path victim = Files.writeString(victimFolder.resolve(DatabaseLocation.FILE_NAME), "root's\n");
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setAttribute(parent, "unix:uid", ATTACKER);
        Path stop = dir.resolve("stop");
        // renameat2(RENAME_EXCHANGE) swaps the folder and a link to the victim's folder atomically: the name is
        // always one or the other, each about half the time, whatever root looks at.
        String swapper = """
                import ctypes, os, sys
                libc = ctypes.CDLL(None, use_errno=True)
                parent, victim, stop = sys.argv[1:4]
                folder = os.path.join(parent, "socket-inspector").encode()
                aside = os.path.join(parent, "aside").encode()
                os.symlink(victim, aside)
                while not os.path.exists(stop):
                    for _ in range(200):
                        if libc.renameat2(-100, folder, -100, aside, 2) != 0:
                            sys.exit("renameat2: errno %d" % ctypes.get_errno())
                """;
        Process attacker = attackerProcess("/usr/bin/python3", "-c", swapper, parent.toString(),
                victimFolder.toString(), stop.toString());
        // The old folder is reset to 0755 before each try through a descriptor held since before the attack, so
        // that the test itself never chmods by a name the attacker controls.
        try (SecureDirectoryStream<Path> real = (SecureDirectoryStream<Path>) Files.newDirectoryStream(folder)) {
            PosixFileAttributeView folderMode = real.getFileAttributeView(PosixFileAttributeView.class);
            PosixFileAttributeView fileMode = real.getFileAttributeView(Path.of(DatabaseLocation.FILE_NAME),
                    PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<String> refusals = new ArrayList<>();
            for (int attempt = 0; attempt < 500 && System.nanoTime() < deadline; attempt++) {
                folderMode.setPermissions(PosixFilePermissions.fromString("rwxr-xr-x"));
                fileMode.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
                try {
                    HistoryStore.open(db, true).close();
                } catch (StoreException e) {
                    refusals.add(e.getMessage());
                }
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(victim)))
                        .as("victim's mode after try " + attempt).isEqualTo("rw-r--r--");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(victimFolder)))
                        .as("victim folder's mode after try " + attempt).isEqualTo("rwxr-xr-x");
                assertThat(attacker.isAlive()).as("the attacker is still swapping").isTrue();
            }
            assertThat(refusals).isNotEmpty().allSatisfy(m -> assertThat(m).startsWith("history database " + db
                    + ": folder " + parent + " belongs to uid 65534"));
        } finally {
            Files.writeString(stop, "");
            if (!attacker.waitFor(10, TimeUnit.SECONDS)) {
                attacker.destroyForcibly();
            }
        }
    }

    private static SocketRecord withSecret() {
        return new SocketRecord(Protocol.TCP, Family.IPV4, "127.0.0.1", 5432, null, null, SocketRecord.LISTEN, null,
                42, new ProcessInfo("backup", "/usr/bin/backup", "/usr/bin/backup --db-password=hunter2", "root", 0,
                List.of()), 0, 77L, new SocketOptions(true, false, null, null), null);
    }

    private static void assumeRoot() throws IOException {
        assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0
                && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "needs root and setpriv to act as uid 65534 (the attacker)");
    }

    private static Process attackerProcess(String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + ATTACKER,
                "--regid=" + ATTACKER, "--clear-groups"));
        line.addAll(List.of(command));
        return new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void attacker(String... command) throws Exception {
        Process process = attackerProcess(command);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("attacker finished").isTrue();
        assertThat(process.exitValue()).as("attacker's " + String.join(" ", command)).isZero();
    }

    /** What uid 65534 can read of the file. */
    private static String attackerReads(Path file) throws Exception {
        List<String> line = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + ATTACKER,
                "--regid=" + ATTACKER, "--clear-groups", "cat", file.toString()));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        process.waitFor(30, TimeUnit.SECONDS);
        return new String(out, StandardCharsets.ISO_8859_1);
    }
}
