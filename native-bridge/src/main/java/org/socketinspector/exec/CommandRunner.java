package org.socketinspector.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool (ss, netstat, lsof) and returns its standard output as bytes: the caller decodes them, since
 * Windows tools write in the console's OEM code page. Bounded in time and size; a tool that overruns is killed
 * by its PID, its children too.
 */
public final class CommandRunner implements ToolCommand {

    /** Enough for ~300k socket rows; more means something is wrong. */
    public static final int MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
    private static final int MAX_ERROR_BYTES = 64 * 1024;

    private final Duration timeout;

    public CommandRunner(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * @throws IOException when the tool is missing, fails (non-zero exit, with the first line it wrote on stderr),
     *                     times out or writes more than {@link #MAX_OUTPUT_BYTES}
     */
    @Override
    public byte[] run(List<String> command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " cannot be started (" + e.getMessage() + ")", e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readBounded(process.getInputStream(), MAX_OUTPUT_BYTES));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readBounded(process.getErrorStream(), MAX_ERROR_BYTES));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
            }
            byte[] output = out.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (output == null) {
                throw new IOException(String.join(" ", command) + " wrote more than " + MAX_OUTPUT_BYTES + " bytes");
            }
            if (process.exitValue() != 0) {
                byte[] error = err.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                String firstLine = error == null ? "" : new String(error, StandardCharsets.UTF_8).strip().lines()
                        .findFirst().orElse("");
                throw new IOException(String.join(" ", command) + " failed with exit code " + process.exitValue()
                        + (firstLine.isEmpty() ? "" : ": " + firstLine));
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " was interrupted", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException(command.get(0) + " output could not be read: " + e.getMessage(), e);
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    /** Reads at most {@code limit} bytes; null when there was more. */
    private static byte[] readBounded(InputStream in, int limit) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[64 * 1024];
            int n;
            while ((n = in.read(chunk)) >= 0) {
                if (buffer.size() + n > limit) {
                    return null;
                }
                buffer.write(chunk, 0, n);
            }
            return buffer.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** Whether an executable of this name is on the PATH (used to fall back from ss to netstat). */
    public static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}
