package org.socketinspector.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.socketinspector.collect.Platforms;
import org.socketinspector.error.Logs;
import org.socketinspector.model.OsKind;
import org.socketinspector.ui.common.Failures;

/**
 * The GUI's log file, in the place each OS keeps logs: $XDG_STATE_HOME (default ~/.local/state) on Linux and the
 * BSDs, %LOCALAPPDATA%\Socket Inspector\logs on Windows, ~/Library/Logs/Socket Inspector on macOS. Private (0600),
 * capped at {@link Logs#LIMIT_BYTES} and rotated ({@link org.socketinspector.error.PrivateLogHandler}).
 */
public final class GuiLog {

    static final String NAME = "socket-inspector.log";
    private static final System.Logger LOG = System.getLogger(GuiLog.class.getName());

    private GuiLog() {
    }

    /** Where the log goes on {@code os}, given the environment and the user's home. */
    static Path file(OsKind os, UnaryOperator<String> env, Path home) {
        return switch (os) {
            case WINDOWS -> absolute(env.apply("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"))
                    .resolve("Socket Inspector").resolve("logs").resolve(NAME);
            case MACOS -> home.resolve("Library").resolve("Logs").resolve("Socket Inspector").resolve(NAME);
            // XDG Base Directory: logs are state; an unset, empty or relative $XDG_STATE_HOME means ~/.local/state.
            case LINUX, FREEBSD, OTHER -> absolute(env.apply("XDG_STATE_HOME"), home.resolve(".local").resolve("state"))
                    .resolve("socket-inspector").resolve(NAME);
        };
    }

    private static Path absolute(String value, Path fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path p = Path.of(value);
        return p.isAbsolute() ? p : fallback;
    }

    /**
     * Sends System.Logger to the log file and every uncaught exception (the FX thread's included) to the log. When
     * the file cannot be used the JDK's console handler stays (standard error), so the trace still goes somewhere.
     */
    static void install() {
        open(file(Platforms.thisOs(), System::getenv, Path.of(System.getProperty("user.home"))));
        Thread.setDefaultUncaughtExceptionHandler(
                (thread, e) -> LOG.log(System.Logger.Level.ERROR, "uncaught in thread " + thread.getName(), e));
    }

    /**
     * Logs to {@code file}, or, when it cannot be used safely (a FIFO, link or device at its name, a folder other
     * users can write: it is refused at once, never blocking), to a new private folder in the temporary folder, with
     * a warning naming both; returns the file used, null when neither could be opened (standard error stays).
     */
    static Path open(Path file) {
        String problem;
        try {
            Logs.toFile(file);
            Failures.logFile(file);
            LOG.log(System.Logger.Level.INFO, () -> "started: Java " + Runtime.version() + ", " + System.getProperty("os.name")
                    + " " + System.getProperty("os.version"));
            return file;
        } catch (IOException e) {
            problem = e.getMessage();
        }
        try {
            Path fallback = Files.createTempDirectory("socket-inspector-log-").resolve(NAME); // 0700 on POSIX
            Logs.toFile(fallback);
            Failures.logFile(fallback);
            String warning = "cannot use the log file: " + problem + "; logging to " + fallback + " instead";
            LOG.log(System.Logger.Level.WARNING, warning);
            return fallback;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write the log file: " + problem);
            return null;
        }
    }
}
