package org.socketinspector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history folder an older version made 0755 (file 0644) is made private; a folder of another user is not ours to
 * change, nor to keep the history in.
 */
class HistoryFolderPrivacyTest {

    @TempDir
    Path dir;

    @Test
    void anOldOpenFolderOfOursIsMadePrivateOnceAndSaysSo() throws Exception {
        Path db = olderVersionsHistory("socket-inspector");
        try (HistoryStore history = HistoryStore.open(db, true)) {
            assertThat(history.notices()).singleElement().asString()
                    .isEqualTo("history folder " + db.getParent() + " was open to other users (rwxr-xr-x); made it"
                            + " private (rwx------), as new history folders are");
            assertThat(history.list(HistoryFilter.snapshots(), Page.FIRST)).hasSize(1); // the runs are all there
        }
        assertThat(mode(db.getParent())).isEqualTo("rwx------");
        assertThat(mode(db)).isEqualTo("rw-------");
        try (HistoryStore again = HistoryStore.open(db, true)) {
            assertThat(again.notices()).isEmpty();
        }
    }

    /** A WAL left by a crash has the file's old mode too: it is narrowed with the file, not refused as planted. */
    @Test
    void aWalAnOlderVersionLeftIsMadePrivateWithTheFile() throws Exception {
        Path db = olderVersionsHistory("socket-inspector");
        Path wal = Files.createFile(db.resolveSibling(db.getFileName() + "-wal"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        Files.setPosixFilePermissions(wal, PosixFilePermissions.fromString("rw-r--r--"));
        try (HistoryStore history = HistoryStore.open(db, true)) {
            assertThat(history.notices()).hasSize(1);
            assertThat(mode(wal)).isEqualTo("rw-------");
            assertThat(history.list(HistoryFilter.snapshots(), Page.FIRST)).hasSize(1);
        }
        assertThat(mode(db)).isEqualTo("rw-------");
    }

    @Test
    void aFolderTheUserChoseIsLeftAsItIs() throws Exception {
        Path db = olderVersionsHistory("shared-with-the-team");
        try (HistoryStore history = HistoryStore.open(db)) { // not the default folder
            assertThat(history.notices()).isEmpty();
        }
        assertThat(mode(db.getParent())).isEqualTo("rwxr-xr-x");
        assertThat(mode(db)).isEqualTo("rw-r--r--");
        assertThat(DatabaseLocation.isDefaultFolder(db.getParent())).isFalse();
        assertThat(DatabaseLocation.isDefaultFolder(DatabaseLocation.defaultFile().getParent())).isTrue();
    }

    @Test
    void aFolderOfAnotherUserIsNotOursToChange() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0, "needs root to chown");
        Path db = olderVersionsHistory("socket-inspector");
        Files.setAttribute(db.getParent(), "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        // Issue 18 (defect 3): that user could swap the file in it before SQLite opens it, so it is refused too.
        assertThatThrownBy(() -> HistoryStore.open(db, true).close()).isInstanceOf(StoreException.class)
                .hasMessageContaining("folder " + db.getParent() + " belongs to uid 65534");
        assertThat(mode(db.getParent())).isEqualTo("rwxr-xr-x");
        assertThat(mode(db)).isEqualTo("rw-r--r--");
    }

    /** What versions before issue 14 left: a 0755 folder with a 0644 file holding one snapshot. */
    private Path olderVersionsHistory(String folder) throws Exception {
        Path data = Files.createDirectory(dir.resolve(folder), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Path db = data.resolve(DatabaseLocation.FILE_NAME);
        try (HistoryStore history = HistoryStore.open(db)) {
            history.saveSnapshot(Fixtures.audit(Fixtures.listener(80, 1, "nginx")));
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        return db;
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
