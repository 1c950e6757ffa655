package org.socketinspector.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GUI's log file: private, capped and rotated, never written through a symlink, one line per record. */
class PrivateLogHandlerTest {

    @TempDir
    Path dir;

    private static void assumePosix() {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "file modes need a POSIX file system");
    }

    private static LogRecord record(String text) {
        LogRecord r = new LogRecord(Level.WARNING, text);
        r.setLoggerName("org.socketinspector.test");
        return r;
    }

    @Test
    void theFileAndItsFolderAreMadePrivate() throws IOException {
        assumePosix();
        Path file = dir.resolve("state/socket-inspector/socket-inspector.log");
        PrivateLogHandler handler = new PrivateLogHandler(file, 4096, 3);
        handler.publish(record("started"));
        handler.close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).contains("WARNING org.socketinspector.test: started");
    }

    @Test
    void anOlderFileWithAWiderModeIsNarrowedAndAppendedTo() throws IOException {
        assumePosix();
        Path file = dir.resolve("socket-inspector.log");
        Files.writeString(file, "earlier line\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateLogHandler handler = new PrivateLogHandler(file, 4096, 3);
        handler.publish(record("later"));
        handler.close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(file)).first().isEqualTo("earlier line");
        assertThat(Files.readString(file)).contains("later");
    }

    @Test
    void aSymlinkPlantedAtThePathIsRefusedAndItsTargetUntouched() throws IOException {
        Path target = dir.resolve("victim.txt");
        Files.writeString(target, "precious\n");
        Path file = dir.resolve("socket-inspector.log");
        Files.createSymbolicLink(file, target);

        assertThatThrownBy(() -> new PrivateLogHandler(file, 4096, 3)).isInstanceOf(IOException.class)
                .hasMessageContaining("symbolic link");
        assertThat(Files.readString(target)).isEqualTo("precious\n");
    }

    @Test
    void pastTheLimitTheFileIsRotatedAndOnlyCountFilesAreKept() throws IOException {
        assumePosix();
        Path file = dir.resolve("socket-inspector.log");
        PrivateLogHandler handler = new PrivateLogHandler(file, 1024, 3);
        String line = "x".repeat(300);
        for (int i = 0; i < 40; i++) {
            handler.publish(record(i + " " + line));
        }
        handler.close();

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("socket-inspector.log", "socket-inspector.log.1", "socket-inspector.log.2");
        }
        for (Path p : new Path[] {file, dir.resolve("socket-inspector.log.1"), dir.resolve("socket-inspector.log.2")}) {
            // A file is rotated after the record that crossed the limit: at most one record over it.
            assertThat(Files.size(p)).as(p.toString()).isLessThan(1024 + 500);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString()).isEqualTo("rw-------");
        }
        assertThat(Files.readString(file)).contains("39 x");
        assertThat(Files.readString(dir.resolve("socket-inspector.log.2"))).doesNotContain("39 x");
    }

    @Test
    void aRecordCannotForgeTheNextOne() throws IOException {
        Path file = dir.resolve("socket-inspector.log");
        PrivateLogHandler handler = new PrivateLogHandler(file, 4096, 1);
        handler.publish(record("cmdline a\n2026-01-01T00:00:00Z SEVERE forged: \u001b[31mred"));
        handler.close();

        assertThat(Files.readAllLines(file)).hasSize(1).first().asString()
                .endsWith("cmdline a\\x0A2026-01-01T00:00:00Z SEVERE forged: \\x1B[31mred");
    }

    @Test
    void aThrowableIsWrittenWithItsStackTraceIndented() throws IOException {
        Path file = dir.resolve("socket-inspector.log");
        PrivateLogHandler handler = new PrivateLogHandler(file, 1 << 20, 1); // a test's stack trace is long
        LogRecord r = record("unexpected failure saving the snapshot");
        r.setThrown(new NullPointerException("boom"));
        handler.publish(r);
        handler.close();

        java.util.List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(1)).isEqualTo("    java.lang.NullPointerException: boom");
        assertThat(lines.get(2)).startsWith("        at org.socketinspector.error.PrivateLogHandlerTest");
    }
}
