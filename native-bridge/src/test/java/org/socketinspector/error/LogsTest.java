package org.socketinspector.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where System.Logger records go: nowhere for the command line, the private file for the GUI. */
class LogsTest {

    @TempDir
    Path dir;

    @AfterEach
    void restore() throws IOException {
        LogManager.getLogManager().readConfiguration(); // the JDK's default: a console handler at INFO
    }

    @Test
    void quietLeavesStandardOutputAndErrorEmpty() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true);
        try {
            System.setOut(capture);
            System.setErr(capture);
            // The JDK's console handler takes System.err when it is made: reset first, so that it would see ours.
            LogManager.getLogManager().reset();
            LogManager.getLogManager().readConfiguration();
            System.getLogger("org.socketinspector.any").log(System.Logger.Level.ERROR, "before quiet");
            assertThat(captured.toString()).as("the default goes to stderr").contains("before quiet");
            captured.reset();

            Logs.quiet();
            System.getLogger("org.socketinspector.any").log(System.Logger.Level.ERROR, "after quiet", new IllegalStateException());
            java.util.logging.Logger.getLogger("org.apache.pdfbox").severe("a library's complaint");
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(captured.toString()).isEmpty();
    }

    @Test
    void toFileSendsSystemLoggerToTheFileOnly() throws IOException {
        Path file = dir.resolve("logs/socket-inspector.log");
        PrivateLogHandler handler = Logs.toFile(file);
        System.getLogger("org.socketinspector.ui.Some").log(System.Logger.Level.WARNING, "cannot save the snapshot");
        System.getLogger("org.socketinspector.ui.Some").log(System.Logger.Level.DEBUG, "below the level");
        handler.close();

        assertThat(Files.readString(file)).contains("WARNING org.socketinspector.ui.Some: cannot save the snapshot")
                .doesNotContain("below the level");
        assertThat(java.util.logging.Logger.getLogger("").getHandlers()).containsExactly(handler);
    }
}
