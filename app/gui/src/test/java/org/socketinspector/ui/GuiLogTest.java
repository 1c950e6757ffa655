package org.socketinspector.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.OsKind;

/** Where the GUI's log goes on each OS (XDG Base Directory on Linux, LOCALAPPDATA on Windows, Library/Logs on macOS). */
class GuiLogTest {

    private static final Path HOME = Path.of("/home/alice");

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
}
