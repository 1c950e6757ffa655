package org.socketinspector.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command that starts {@code main} in a new JVM with the tests' class path (and JNA's native access on 24+). */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static List<String> command(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        if (Runtime.version().feature() >= 24) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.add(main.getName());
        command.addAll(List.of(args));
        return command;
    }
}
