package org.socketinspector.input;

import java.io.Closeable;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One input read once, from start to end, within {@link InputLimits}: a file, {@code -} (standard input), a FIFO
 * or a {@code /dev/fd/N} pipe.
 *
 * <p>A daemon pump thread opens and reads the source and hands 64 KiB chunks through a small queue (at most
 * {@value #QUEUE_CHUNKS} chunks wait, so memory stays bounded whatever the input's size). The reader waits for each
 * chunk at most {@link InputLimits#idleTimeout()}: opening a FIFO blocks until a writer comes and reading a pipe
 * blocks until it writes, and neither may hang the program. A FIFO that never gets a writer thus ends with an
 * idle-timeout error. Past {@link InputLimits#maxBytes()} reading stops with an error ({@code /dev/zero} ends).
 *
 * <p>Not thread-safe: one thread reads. {@link #close()} stops the pump; a pump still blocked opening a FIFO is
 * released by opening the FIFO for writing once, and a pump blocked in standard input stays parked (a daemon: it
 * never keeps the JVM alive).
 */
public final class BoundedInput implements Closeable {

    static final int CHUNK = 64 * 1024;
    static final int QUEUE_CHUNKS = 8;
    private static final AtomicInteger PUMPS = new AtomicInteger();

    private final String name;
    private final Path path; // null for standard input
    private final InputLimits limits;
    private final Pump pump;
    private final Deque<byte[]> ready = new ArrayDeque<>(); // chunks taken from the queue by peek, not yet read
    private final Stream stream = new Stream();
    private boolean ended;
    private InputException failure;

    private BoundedInput(String name, Path path, InputStream stdin, InputLimits limits) {
        this.name = name;
        this.path = path;
        this.limits = limits;
        this.pump = new Pump(path, stdin, limits.maxBytes());
        Thread thread = new Thread(pump, "input-pump-" + PUMPS.incrementAndGet());
        thread.setDaemon(true);
        pump.thread = thread;
        thread.start();
    }

    /**
     * @param path the input, or {@code -} for standard input
     * @throws InputException when the path does not exist or is a directory (a FIFO's or pipe's problems show
     *                        when reading, since opening them is done by the pump)
     */
    public static BoundedInput open(Path path, InputLimits limits) throws InputException {
        String name = path.toString();
        if (name.equals("-")) {
            return new BoundedInput("stdin", null, System.in, limits);
        }
        if (Files.isDirectory(path)) {
            throw new InputException(name, "is a directory, not a file");
        }
        if (!Files.exists(path)) {
            throw new InputException(name, "no such file");
        }
        if (Files.isRegularFile(path) && !Files.isReadable(path)) {
            throw new InputException(name, "cannot be read (permission denied)");
        }
        return new BoundedInput(name, path, null, limits);
    }

    /** What errors call the input: the path as given, or {@code stdin}. */
    public String name() {
        return name;
    }

    public InputLimits limits() {
        return limits;
    }

    /**
     * The first {@code n} bytes (fewer when the input is shorter), without consuming them: {@link #stream()}
     * still starts at the first byte. For sniffing a BOM or an encoding.
     */
    public byte[] peek(int n) throws InputException {
        int have = 0;
        for (byte[] chunk : ready) {
            have += chunk.length;
        }
        while (have < n && !ended) {
            byte[] chunk = take();
            if (chunk == null) {
                break;
            }
            ready.addLast(chunk);
            have += chunk.length;
        }
        byte[] out = new byte[Math.min(n, have)];
        int at = 0;
        for (byte[] chunk : ready) {
            if (at == out.length) {
                break;
            }
            int len = Math.min(chunk.length, out.length - at);
            System.arraycopy(chunk, 0, out, at, len);
            at += len;
        }
        return out;
    }

    /** The bytes, once, as a stream that throws {@link InputException} past the limits. Always the same stream. */
    public InputStream stream() {
        return stream;
    }

    /** Lines in {@code charset}, from the stream's current position. */
    public LineReader lines(Charset charset) {
        return new LineReader(stream, charset, name, limits.maxLineChars());
    }

    /** Bytes read from the source so far (some may still wait in the queue). */
    public long bytesRead() {
        return pump.delivered;
    }

    @Override
    public void close() {
        pump.closed = true;
        pump.thread.interrupt();
        pump.queue.clear();
        if (pump.opening && path != null) {
            releaseFifoOpen(path);
        }
    }

    /** A reader blocked opening a FIFO returns once a writer opens it; do it in a daemon so close never blocks. */
    private static void releaseFifoOpen(Path fifo) {
        Thread releaser = new Thread(() -> {
            try (FileOutputStream ignored = new FileOutputStream(fifo.toFile())) {
                // opened and closed: the pump sees an empty input and ends
            } catch (IOException | SecurityException e) {
                // not a FIFO after all, or gone: nothing to release
            }
        }, "input-fifo-release");
        releaser.setDaemon(true);
        releaser.start();
    }

    /** Next chunk, or null at the end. */
    private byte[] take() throws InputException {
        if (failure != null) {
            throw failure;
        }
        if (ended) {
            return null;
        }
        Object item;
        try {
            item = pump.queue.poll(limits.idleTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(new InputException(name, "interrupted while waiting for input"));
        }
        if (item == null) {
            String what = pump.opening
                    ? "nobody opened it for writing within " + InputLimits.durationText(limits.idleTimeout())
                            + " (a FIFO without a writer?)"
                    : "no data for " + InputLimits.durationText(limits.idleTimeout()) + " (a stalled pipe?)";
            throw fail(new InputException(name, what));
        }
        if (item == END) {
            ended = true;
            return null;
        }
        if (item == TOO_LARGE) {
            throw fail(new InputException(name, "larger than the limit of " + InputLimits.bytesText(limits.maxBytes())));
        }
        if (item instanceof String reason) {
            throw fail(new InputException(name, reason));
        }
        return (byte[]) item;
    }

    private InputException fail(InputException e) {
        failure = e;
        return e;
    }

    private static final Object END = new Object();
    private static final Object TOO_LARGE = new Object();

    /** Opens and reads the source in its own thread; hands chunks, then END, TOO_LARGE or a reason (String). */
    private static final class Pump implements Runnable {
        final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS + 1);
        final Path path;
        final InputStream stdin;
        final long maxBytes;
        volatile boolean opening = true;
        volatile boolean closed;
        volatile long delivered;
        Thread thread;

        Pump(Path path, InputStream stdin, long maxBytes) {
            this.path = path;
            this.stdin = stdin;
            this.maxBytes = maxBytes;
        }

        @Override
        public void run() {
            InputStream in = null;
            try {
                in = stdin != null ? stdin : new FileInputStream(path.toFile());
                opening = false;
                long total = 0;
                while (!closed) {
                    byte[] buf = new byte[CHUNK];
                    int n = in.read(buf);
                    if (n < 0) {
                        hand(END);
                        return;
                    }
                    if (total + n > maxBytes) {
                        int allowed = (int) (maxBytes - total);
                        if (allowed > 0) {
                            hand(Arrays.copyOf(buf, allowed));
                        }
                        hand(TOO_LARGE);
                        return;
                    }
                    total += n;
                    delivered = total;
                    hand(n == CHUNK ? buf : Arrays.copyOf(buf, n));
                }
            } catch (FileNotFoundException e) {
                hand(openFailure(e));
            } catch (IOException e) {
                hand("read failed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
            } finally {
                opening = false;
                if (in != null && in != stdin) {
                    try {
                        in.close();
                    } catch (IOException e) {
                        // nothing more to read from it anyway
                    }
                }
            }
        }

        /** FileInputStream says "PATH (reason)": keep the reason only, the place is added by the reader. */
        private static String openFailure(FileNotFoundException e) {
            String m = String.valueOf(e.getMessage());
            int open = m.lastIndexOf('(');
            String why = open >= 0 && m.endsWith(")") ? m.substring(open + 1, m.length() - 1) : m;
            return "cannot be opened (" + why.toLowerCase(java.util.Locale.ROOT) + ")";
        }

        private void hand(Object item) {
            try {
                while (!closed && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    // the reader is slower: wait, but notice close
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The consumer side: chunks from {@code ready} (peeked), then from the queue. */
    private final class Stream extends InputStream {
        private byte[] current;
        private int pos;

        private boolean fill() throws InputException {
            while (current == null || pos >= current.length) {
                byte[] next = ready.isEmpty() ? take() : ready.pollFirst();
                if (next == null) {
                    return false;
                }
                current = next;
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? current[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public void close() {
            BoundedInput.this.close();
        }
    }
}
