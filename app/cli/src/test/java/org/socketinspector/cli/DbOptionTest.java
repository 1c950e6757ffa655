package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --db} paths that cannot hold a history: one line naming the user's path and why (issue 18, defect 14). */
class DbOptionTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"/dev/stdout", "/dev/null"})
    void aDeviceOrStreamIsRefusedNamingThePathTheUserGave(String db) {
        for (String[] command : new String[][] {{"scan", "--save", "--db", db}, {"history", "list", "--db", db}}) {
            CliRun run = CliRun.run(command);
            assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(1);
            assertThat(run.err().strip()).startsWith("socket-inspector: history database " + db + " is a ")
                    .contains(", not a regular file").doesNotContain(".socket-inspector-", ".uid", "Exception");
            assertThat(run.err().strip().lines()).hasSize(1);
        }
    }

    /** The history beside a -wal another user planted in a sticky folder: refused, one line naming the side file. */
    @Test
    void aSideFileOfAnotherUserIsNamedInOneLine() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0, "needs root to chown");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path sticky = Files.createDirectory(dir.resolve("tmp"));
        Files.setAttribute(sticky, "unix:mode", 01777);
        Path wal = Files.createFile(sticky.resolve("h.db-wal"));
        Files.setAttribute(wal, "unix:uid", 65534);
        CliRun run = CliRun.run("scan", "--save", "--db", sticky.resolve("h.db").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("socket-inspector: history database " + sticky.resolve("h.db")
                + ": side file " + wal + " belongs to uid 65534, not to this user (uid 0) or root: another user"
                + " planted it and would receive the history's pages; refusing to open the history beside it (remove"
                + " it if it is not yours)");
        assertThat(sticky.resolve("h.db")).doesNotExist();
    }
}
