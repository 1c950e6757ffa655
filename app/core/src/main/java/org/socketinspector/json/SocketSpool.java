package org.socketinspector.json;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.socketinspector.model.SocketRecord;

/**
 * Holds the sockets of a streamed import in bounded memory, in the order they were given: the first
 * {@link #IN_MEMORY} in a list, beyond that all of them as one JSON line each in a temporary file (deleted on
 * {@link #close()}). The scan JSON writes its limitations, which are known only at the end of the file, before its
 * sockets; the spool is what lets the sockets wait without the heap growing with the capture.
 *
 * <p>Iterable more than once (the table measures its columns, then prints). Reading a line back gives the socket
 * that was written: the records round-trip through the same contract mapping that writes the JSON.
 */
public final class SocketSpool implements Consumer<SocketRecord>, Iterable<SocketRecord>, AutoCloseable {

    /** Sockets kept as objects before the spool moves to a file: about 5 MB, more than any live scan holds. */
    public static final int IN_MEMORY = 10_000;

    private static final ObjectWriter WRITER = Json.mapper().writerFor(SocketRecord.class);
    private static final ObjectReader READER = Json.mapper().readerFor(SocketRecord.class);

    private final int inMemory;
    private final List<SocketRecord> held = new ArrayList<>();
    private Path file;
    private BufferedWriter writer;
    private long count;

    public SocketSpool() {
        this(IN_MEMORY);
    }

    /** @param inMemory sockets held as objects before moving to a file (tests use a small number) */
    public SocketSpool(int inMemory) {
        this.inMemory = inMemory;
    }

    /** @throws UncheckedIOException when the temporary file cannot be written (the caller names the place) */
    @Override
    public void accept(SocketRecord socket) {
        try {
            if (writer == null && held.size() < inMemory) {
                held.add(socket);
            } else {
                if (writer == null) {
                    spillHeld();
                }
                writeLine(socket);
            }
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long count() {
        return count;
    }

    /** Whether the sockets are in a temporary file (more than {@link #IN_MEMORY} of them). */
    public boolean spilled() {
        return writer != null;
    }

    /** @throws UncheckedIOException from {@code next()} when the temporary file cannot be read back */
    @Override
    public Iterator<SocketRecord> iterator() {
        if (writer == null) {
            return List.copyOf(held).iterator();
        }
        try {
            writer.flush();
            return new FileIterator(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The temporary file, null while the sockets are in memory (for tests). */
    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        held.clear();
        if (writer != null) {
            try {
                writer.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private void spillHeld() throws IOException {
        file = Files.createTempFile("socket-inspector-import-", ".jsonl");
        file.toFile().deleteOnExit();
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        for (SocketRecord s : held) {
            writeLine(s);
        }
        held.clear();
    }

    private void writeLine(SocketRecord socket) throws IOException {
        // the compact mapping escapes control characters, so a socket is always exactly one line
        writer.write(WRITER.writeValueAsString(socket));
        writer.newLine();
    }

    private static final class FileIterator implements Iterator<SocketRecord> {
        private final BufferedReader reader;
        private String next;

        FileIterator(BufferedReader reader) {
            this.reader = reader;
            advance();
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public SocketRecord next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            try {
                SocketRecord socket = READER.readValue(next);
                advance();
                return socket;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void advance() {
            try {
                next = reader.readLine();
                if (next == null) {
                    reader.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
