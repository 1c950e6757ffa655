package org.socketinspector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Which OS this is is the platform's answer: the literal {@code os.name} appears in no main source file but the
 * platform factory's and the two that decide where this user's files go before a platform exists (the GUI's log,
 * which also names the OS in its first line; WindowsRandom, which the mains run before anything else). A source
 * test, not an ArchUnit rule: a string constant leaves no trace in the class files that ArchUnit reads.
 */
class OsNameInSourcesTest {

    private static final Set<String> ALLOWED = Set.of(
            "native-bridge/src/main/java/org/socketinspector/collect/Platforms.java",
            "app/gui/src/main/java/org/socketinspector/ui/GuiLog.java",
            "native-bridge/src/main/java/org/socketinspector/windows/WindowsRandom.java");
    private static final List<String> MODULES = List.of("native-bridge", "app/core", "app/cli", "app/gui");

    @Test
    void onlyTheFactoryAndTheUsersFilesAskTheJvmWhichOsThisIs() throws IOException {
        Path root = repositoryRoot();
        List<String> sources;
        try (Stream<Path> files = MODULES.stream().map(m -> root.resolve(m).resolve("src/main/java"))
                .flatMap(OsNameInSourcesTest::javaFiles)) {
            sources = files.map(f -> root.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(sources).as("every module's main sources are read").anySatisfy(f -> assertThat(f).startsWith("app/gui/"))
                .anySatisfy(f -> assertThat(f).startsWith("native-bridge/")).containsAll(ALLOWED);

        List<String> asking = sources.stream().filter(f -> read(root.resolve(f)).contains("\"os.name\"")).toList();

        assertThat(asking).as("main sources with the literal \"os.name\" (use Platform.os() or Platforms.thisOs())")
                .isSubsetOf(ALLOWED).contains("native-bridge/src/main/java/org/socketinspector/collect/Platforms.java");
    }

    private static Stream<Path> javaFiles(Path dir) {
        try {
            return Files.walk(dir).filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** The folder above the working directory (app/gui when surefire runs) that holds native-bridge. */
    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("native-bridge/src/main/java"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a folder above %s with native-bridge", System.getProperty("user.dir")).isNotNull();
        return dir;
    }
}
