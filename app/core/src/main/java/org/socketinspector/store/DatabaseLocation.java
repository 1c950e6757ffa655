package org.socketinspector.store;

import java.nio.file.Path;
import java.util.Map;
import org.socketinspector.collect.Platforms;
import org.socketinspector.model.OsKind;

/** Where the history database lives when {@code --db} does not say: the per-user data folder each OS expects. */
public final class DatabaseLocation {

    public static final String FILE_NAME = "history.db";

    private DatabaseLocation() {
    }

    public static Path defaultFile() {
        return defaultFile(Platforms.thisOs(), System.getenv(), home(System.getProperty("user.home"), System.getenv()));
    }

    /** True for the folder {@link #defaultFile()} lives in: this program's own, which no user chose to share. */
    public static boolean isDefaultFolder(Path folder) {
        return folder != null && folder.toAbsolutePath().normalize()
                .equals(defaultFile().toAbsolutePath().normalize().getParent());
    }

    /**
     * The home folder: Java's {@code user.home} comes from the passwd entry, which for service and container
     * accounts often names a folder that does not exist ("/nonexistent"); then {@code $HOME}, when it is absolute
     * and exists, is where the user's files go.
     */
    static Path home(String userHome, Map<String, String> env) {
        Path passwd = userHome == null || userHome.isBlank() ? null : Path.of(userHome);
        if (passwd != null && java.nio.file.Files.isDirectory(passwd)) {
            return passwd;
        }
        return absolute(env.get("HOME")).filter(java.nio.file.Files::isDirectory)
                .orElse(passwd != null ? passwd : Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Linux and other Unixes: {@code $XDG_DATA_HOME/socket-inspector} (the XDG Base Directory spec says to ignore a
     * relative value), else {@code ~/.local/share/socket-inspector}. Windows: {@code %APPDATA%\SocketInspector}.
     * macOS: {@code ~/Library/Application Support/Socket Inspector}.
     */
    static Path defaultFile(OsKind os, Map<String, String> env, Path home) {
        return switch (os) {
            case WINDOWS -> absolute(env.get("APPDATA")).orElse(home.resolve("AppData").resolve("Roaming"))
                    .resolve("SocketInspector").resolve(FILE_NAME);
            case MACOS -> home.resolve("Library").resolve("Application Support").resolve("Socket Inspector")
                    .resolve(FILE_NAME);
            default -> absolute(env.get("XDG_DATA_HOME")).orElse(home.resolve(".local").resolve("share"))
                    .resolve("socket-inspector").resolve(FILE_NAME);
        };
    }

    private static java.util.Optional<Path> absolute(String value) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? java.util.Optional.of(path) : java.util.Optional.empty();
    }
}
