package org.socketinspector.json;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.socketinspector.output.StaleFiles;
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
 * {@link #IN_MEMORY} in a list, beyond that all of them as one JSON line each in a temporary file. The scan JSON writes its limitations, which are known only at the end of the file, before its
 * sockets; the spool is what lets the sockets wait without the heap growing with the capture.
 *
 * <p>Iterable more than once (the table measures its columns, then prints). Reading a line back gives the socket
 * that was written: the records round-trip through the same contract mapping that writes the JSON.
 *
 * <p>The file holds root's whole capture (20–160 MB), so it is private and leaves nothing behind: it is created
 * 0600 ({@code CREATE_NEW}, no link followed) in a new 0700 folder, and removed from that folder as soon as it is
 * open ({@code DELETE_ON_CLOSE}, which the JDK implements on Linux and macOS as an unlink right after the open; on
 * Windows the system deletes it when its handle closes, even on a kill). Unlinked-after-open rather than a named
 * file removed by a shutdown hook: SIGKILL runs no hook, but the kernel frees a nameless file's blocks when the
 * process's descriptor goes, so no kill can leave a spool, and no other user can ever open it by name. (O_TMPFILE
 * would skip even the instant with a name, but the JDK cannot open one.) Spools that older versions left in the
 * temporary folder ({@code socket-inspector-import-*.jsonl}, ours, older than a day) and empty spool folders of
 * a run killed in that instant are removed when a spool starts.
 */
public final class SocketSpool implements Consumer<SocketRecord>, Iterable<SocketRecord>, AutoCloseable {

    /** Sockets kept as objects before the spool moves to a file: about 5 MB, more than any live scan holds. */
    public static final int IN_MEMORY = 10_000;

    private static final ObjectWriter WRITER = Json.mapper().writerFor(SocketRecord.class);
    private static final ObjectReader READER = Json.mapper().readerFor(SocketRecord.class);

    /** Names of our spools: old versions' named files, this version's (briefly named) folders. */
    static final Predicate<String> STALE = Pattern.compile(
            "socket-inspector-import-\\d+\\.jsonl|socket-inspector-spool-\\d+").asMatchPredicate();

    private final int inMemory;
    private final Path temporaryFolder;
    private final List<SocketRecord> held = new ArrayList<>();
    private Path file;
    private FileChannel channel;
    private BufferedWriter writer;
    private long count;

    public SocketSpool() {
        this(IN_MEMORY);
    }

    /** @param inMemory sockets held as objects before moving to a file (tests use a small number) */
    public SocketSpool(int inMemory) {
        this(inMemory, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** @param temporaryFolder where the spool goes (the system's temporary folder; tests give their own) */
    SocketSpool(int inMemory, Path temporaryFolder) {
        this.inMemory = inMemory;
        this.temporaryFolder = temporaryFolder;
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
            return new FileIterator(new BufferedReader(new InputStreamReader(
                    new PositionalInput(channel, channel.size()), StandardCharsets.UTF_8), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name the temporary file had (removed right after its open), null while in memory (for tests). */
    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        held.clear();
        if (writer != null) {
            try {
                writer.close(); // closes the channel: the kernel frees the nameless file
            } finally {
                Files.deleteIfExists(file); // Windows: deleted on close already; this is a no-op elsewhere
                Files.deleteIfExists(file.getParent());
            }
        }
    }

    private void spillHeld() throws IOException {
        StaleFiles.clear(temporaryFolder, STALE);
        Path folder = Files.createTempDirectory(temporaryFolder, "socket-inspector-spool-"); // 0700 on POSIX
        file = folder.resolve("sockets.jsonl");
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE, LinkOption.NOFOLLOW_LINKS);
        try {
            channel = folder.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")))
                    : FileChannel.open(file, options);
        } finally {
            try {
                Files.deleteIfExists(folder); // empty once the file is unlinked (Windows: removed at close)
            } catch (IOException e) {
                folder.toFile().deleteOnExit();
            }
        }
        writer = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16);
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

    /** Reads the spool from the start by position, so that each iteration has its own reader and the writer its end. */
    private static final class PositionalInput extends InputStream {
        private final FileChannel channel;
        private final long end;
        private long position;

        PositionalInput(FileChannel channel, long end) {
            this.channel = channel;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }
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
