package org.socketinspector.output;

import java.nio.file.Path;

/** A child JVM for OutputFileTest: writes args[1] to the file args[0], prints the error line on failure. */
public final class WriteMain {

    private WriteMain() {
    }

    public static void main(String[] args) {
        try {
            OutputFile.writeString(Path.of(args[0]), args[1]);
        } catch (java.io.IOException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
