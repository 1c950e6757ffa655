package org.socketinspector.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * uid 65534 (nobody) as the attacker of issue 18: commands run through
 * {@code setpriv --reuid=65534 --regid=65534 --clear-groups}. Tests call {@link #assumeAvailable()} first: it skips
 * with a reason when this is not root or setpriv is missing.
 */
public final class HostileUser {

    public static final int UID = 65534;
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private HostileUser() {
    }

    public static void assumeAvailable() throws IOException {
        assumeTrue(isRoot(), "needs root to act as uid 65534");
        assumeTrue(Files.isExecutable(SETPRIV), "needs /usr/bin/setpriv to act as uid 65534");
    }

    public static boolean isRoot() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    }

    /** Runs {@code sh -c script} as uid 65534 and waits (at most 60 s); returns the exit code. */
    public static int run(String script) throws IOException, InterruptedException {
        Process p = start(script);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("uid 65534's command did not end: " + script);
        }
        return p.exitValue();
    }

    /** Starts {@code sh -c script} as uid 65534 (output discarded); the caller ends it. */
    public static Process start(String script) throws IOException {
        List<String> command = new ArrayList<>(List.of(SETPRIV.toString(), "--reuid=" + UID, "--regid=" + UID,
                "--clear-groups", "/bin/sh", "-c", script));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** A shell word: the text in single quotes. */
    public static String quote(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}
