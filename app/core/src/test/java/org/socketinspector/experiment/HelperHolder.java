package org.socketinspector.experiment;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A parent for {@link HelperIsolationTest}: a JVM started with secrets in its environment that starts one helper as
 * the uid given, prints {@code helper PID}, and ends it when its stdin closes.
 */
public final class HelperHolder {

    private HelperHolder() {
    }

    public static void main(String[] args) throws Exception {
        HelperLauncher launcher = new HelperLauncher(ThisMachine.PLATFORM.processes());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        try (HelperSide helper = launcher.start(Integer.parseInt(args[0]), null)) {
            out.println("helper " + helper.pid());
            System.in.readAllBytes(); // until the test closes our stdin
        } finally {
            launcher.endAll();
        }
    }
}
