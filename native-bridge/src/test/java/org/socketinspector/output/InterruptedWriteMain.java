package org.socketinspector.output;

import java.nio.file.Path;

/** A child JVM for SafeFileSignalTest: starts writing args[0] and never finishes, until a signal ends it. */
public final class InterruptedWriteMain {

    private InterruptedWriteMain() {
    }

    public static void main(String[] args) throws Exception {
        OutputFile.write(Path.of(args[0]), out -> {
            out.write(new byte[1 << 20]);
            out.flush();
            System.out.println("writing");
            System.out.flush();
            while (true) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    // keep "writing" until the signal
                }
            }
        });
    }
}
