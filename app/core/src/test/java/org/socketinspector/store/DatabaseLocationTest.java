package org.socketinspector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.OsKind;

class DatabaseLocationTest {

    private static final Path HOME = Path.of("/home/ann");

    @Test
    void linuxUsesXdgDataHomeWhenItIsAbsolute() {
        assertThat(DatabaseLocation.defaultFile(OsKind.LINUX, Map.of("XDG_DATA_HOME", "/data/ann"), HOME))
                .isEqualTo(Path.of("/data/ann/socket-inspector/history.db"));
    }

    @Test
    void linuxFallsBackToLocalShareWithoutOrWithARelativeXdgDataHome() {
        Path expected = Path.of("/home/ann/.local/share/socket-inspector/history.db");
        assertThat(DatabaseLocation.defaultFile(OsKind.LINUX, Map.of(), HOME)).isEqualTo(expected);
        assertThat(DatabaseLocation.defaultFile(OsKind.LINUX, Map.of("XDG_DATA_HOME", "rel/dir"), HOME))
                .isEqualTo(expected);
    }

    @Test
    void windowsUsesAppData() {
        assertThat(DatabaseLocation.defaultFile(OsKind.WINDOWS, Map.of("APPDATA", "/roaming/ann"), HOME))
                .isEqualTo(Path.of("/roaming/ann/SocketInspector/history.db"));
        assertThat(DatabaseLocation.defaultFile(OsKind.WINDOWS, Map.of(), HOME))
                .isEqualTo(Path.of("/home/ann/AppData/Roaming/SocketInspector/history.db"));
    }

    @Test
    void macosUsesApplicationSupport() {
        assertThat(DatabaseLocation.defaultFile(OsKind.MACOS, Map.of("XDG_DATA_HOME", "/ignored"), HOME))
                .isEqualTo(Path.of("/home/ann/Library/Application Support/Socket Inspector/history.db"));
    }

    @Test
    void homeFromTheEnvironmentWhenThePasswdHomeDoesNotExist(@org.junit.jupiter.api.io.TempDir Path home) {
        assertThat(DatabaseLocation.home("/nonexistent", Map.of("HOME", home.toString()))).isEqualTo(home);
        assertThat(DatabaseLocation.home(home.toString(), Map.of("HOME", "/elsewhere"))).isEqualTo(home);
        assertThat(DatabaseLocation.home("/nonexistent", Map.of("HOME", "relative"))).isEqualTo(Path.of("/nonexistent"));
    }
}
