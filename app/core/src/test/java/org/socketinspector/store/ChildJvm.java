package org.socketinspector.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link HistoryWriterProcess} started with this test JVM's java and classpath; always ended by its PID. */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;

    private ChildJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ChildJvm writer(Path db, int count, String tag, int events, Path stderr) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED"); // as the launcher does: sqlite-jdbc loads a library
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HistoryWriterProcess.class.getName(),
                db.toString(), String.valueOf(count), tag, String.valueOf(events)));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(stderr.toFile());
        return new ChildJvm(pb.start());
    }

    /** The next line of its stdout, or null at its end. */
    String readLine() throws IOException {
        return out.readLine();
    }

    /** Reads stdout to its end and returns every line. */
    List<String> readAll() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            lines.add(line);
        }
        return lines;
    }

    long pid() {
        return process.pid();
    }

    /**
     * SIGKILL on Unix, then waits for the kernel to reap it. Through the handle, because Process.destroyForcibly
     * also closes our end of its stdout, and the lines it printed before dying are still to be read.
     */
    void kill9() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("writer process " + pid() + " did not end within " + seconds + " s");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
        out.close();
    }
}
