package org.socketinspector.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedInputTest {

    private static final InputLimits QUICK = InputLimits.DEFAULT.withIdleTimeout(Duration.ofMillis(300));

    @TempDir
    Path dir;

    @Test
    void readsAFileAsLinesWithNumbersAndWithoutLineBreaks() throws Exception {
        Path file = dir.resolve("capture.txt");
        Files.write(file, "\uFEFFfirst\r\nsecond\n\nlast without break".getBytes(StandardCharsets.UTF_8));

        try (BoundedInput input = BoundedInput.open(file, QUICK)) {
            assertThat(input.name()).isEqualTo(file.toString());
            LineReader lines = input.lines(StandardCharsets.UTF_8);
            assertThat(lines.next()).isEqualTo(new InputLine(1, "first"));
            assertThat(lines.next()).isEqualTo(new InputLine(2, "second"));
            assertThat(lines.next()).isEqualTo(new InputLine(3, ""));
            assertThat(lines.next()).isEqualTo(new InputLine(4, "last without break"));
            assertThat(lines.next()).isNull();
            assertThat(lines.replacedLineCount()).isZero();
        }
    }

    @Test
    void peekDoesNotConsume() throws Exception {
        Path file = dir.resolve("p.txt");
        Files.writeString(file, "abcdef");
        try (BoundedInput input = BoundedInput.open(file, QUICK)) {
            assertThat(input.peek(3)).containsExactly('a', 'b', 'c');
            assertThat(input.peek(100)).hasSize(6);
            assertThat(input.stream().readAllBytes()).isEqualTo("abcdef".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void malformedBytesAreReplacedAndTheirLinesNamedNeverFatal() throws Exception {
        Path file = dir.resolve("ss.txt");
        byte[] bad = {'c', 'a', 'f', (byte) 0xC3, (byte) 0xA9, '\n', 'x', (byte) 0xFF, 'y', '\n', 'o', 'k', '\n',
            'e', 'n', 'd', (byte) 0xE2, (byte) 0x82};
        Files.write(file, bad);
        try (BoundedInput input = BoundedInput.open(file, QUICK)) {
            LineReader lines = input.lines(StandardCharsets.UTF_8);
            assertThat(lines.next().text()).isEqualTo("café");
            assertThat(lines.next().text()).isEqualTo("x\uFFFDy");
            assertThat(lines.next().text()).isEqualTo("ok");
            assertThat(lines.next().text()).isEqualTo("end\uFFFD"); // a sequence cut by the end of the file
            assertThat(lines.next()).isNull();
            assertThat(lines.replacedLines()).containsExactly(2L, 4L);
            assertThat(lines.replacedLineCount()).isEqualTo(2);
        }
    }

    @Test
    void decodesUtf16ByCharsNotBytes() throws Exception {
        Path file = dir.resolve("w.txt");
        Files.write(file, "TCP 0.0.0.0:135\r\nUDP *:*\r\n".getBytes(StandardCharsets.UTF_16LE));
        try (BoundedInput input = BoundedInput.open(file, QUICK)) {
            LineReader lines = input.lines(StandardCharsets.UTF_16LE);
            assertThat(lines.next().text()).isEqualTo("TCP 0.0.0.0:135");
            assertThat(lines.next().text()).isEqualTo("UDP *:*");
            assertThat(lines.next()).isNull();
        }
    }

    @Test
    void aLineOverTheLimitEndsWithAnErrorNamingTheLine() throws Exception {
        Path file = dir.resolve("long.txt");
        Files.writeString(file, "short\n" + "x".repeat(200) + "\nnever read\n");
        try (BoundedInput input = BoundedInput.open(file, QUICK.withMaxLineChars(100))) {
            LineReader lines = input.lines(StandardCharsets.UTF_8);
            lines.next();
            assertThatThrownBy(lines::next)
                    .isInstanceOf(InputException.class)
                    .hasMessage(file + ":2: line longer than 100 characters")
                    .satisfies(e -> assertThat(((InputException) e).place()).isEqualTo(file + ":2"));
        }
    }

    @Test
    void devZeroEndsAtTheByteLimit() throws Exception {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero), "no /dev/zero on this system");
        try (BoundedInput input = BoundedInput.open(zero, QUICK.withMaxBytes(1 << 20))) {
            byte[] buf = new byte[8192];
            long total = 0;
            InputStream in = input.stream();
            InputException e = null;
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    total += n;
                }
            } catch (InputException thrown) {
                e = thrown;
            }
            assertThat(e).isNotNull().hasMessage("/dev/zero: larger than the limit of 1 MiB");
            assertThat(total).isEqualTo(1 << 20);
        }
        // and read as lines, NUL bytes make one endless line
        try (BoundedInput input = BoundedInput.open(zero, QUICK)) {
            assertThatThrownBy(() -> input.lines(StandardCharsets.UTF_8).next())
                    .hasMessage("/dev/zero:1: line longer than 65536 characters");
        }
    }

    @Test
    void aFifoWithoutWriterEndsWithAnIdleTimeout() throws Exception {
        Path fifo = mkfifo("nobody");
        long start = System.nanoTime();
        try (BoundedInput input = BoundedInput.open(fifo, QUICK)) {
            assertThatThrownBy(() -> input.peek(16))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining(fifo + ": nobody opened it for writing within 300 ms");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aFifoWithAWriterIsReadToItsEnd() throws Exception {
        Path fifo = mkfifo("fed");
        Process writer = new ProcessBuilder("sh", "-c", "printf 'tcp LISTEN\\nudp UNCONN\\n' > \"$0\"", fifo.toString())
                .redirectErrorStream(true).start();
        try (BoundedInput input = BoundedInput.open(fifo, InputLimits.DEFAULT.withIdleTimeout(Duration.ofSeconds(20)))) {
            LineReader lines = input.lines(StandardCharsets.UTF_8);
            assertThat(lines.next().text()).isEqualTo("tcp LISTEN");
            assertThat(lines.next().text()).isEqualTo("udp UNCONN");
            assertThat(lines.next()).isNull();
        } finally {
            assertThat(writer.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closingReleasesAPumpBlockedOpeningAFifo() throws Exception {
        Path fifo = mkfifo("closed-early");
        Set<Thread> others = pumps();
        BoundedInput input = BoundedInput.open(fifo, QUICK);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<Thread> before = pumps();
        before.removeAll(others);
        while (before.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10); // until this input's pump is blocked in open()
            before = pumps();
            before.removeAll(others);
        }
        assertThat(before).isNotEmpty();
        input.close();
        while (before.stream().anyMatch(Thread::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(10); // polling with a deadline, not a fixed wait
        }
        assertThat(before).noneMatch(Thread::isAlive);
    }

    @Test
    void aDevFdPipeIsReadLikeAFile() throws Exception {
        Pipe pipe = Pipe.open();
        try (Pipe.SinkChannel sink = pipe.sink(); Pipe.SourceChannel source = pipe.source()) {
            Integer readEnd = readEndOf(pipe);
            assumeTrue(readEnd != null, "cannot find the pipe's descriptor in /proc/self/fd");
            sink.write(ByteBuffer.wrap("one\ntwo\n".getBytes(StandardCharsets.US_ASCII)));
            sink.close();
            try (BoundedInput input = BoundedInput.open(Path.of("/dev/fd/" + readEnd), QUICK)) {
                LineReader lines = input.lines(StandardCharsets.UTF_8);
                assertThat(lines.next().text()).isEqualTo("one");
                assertThat(lines.next().text()).isEqualTo("two");
                assertThat(lines.next()).isNull();
            }
        }
    }

    @Test
    void standardInputIsDashAndAStalledPipeTimesOut() throws Exception {
        InputStream saved = System.in;
        PipedOutputStream writer = new PipedOutputStream();
        try {
            System.setIn(new PipedInputStream(writer));
            writer.write("line\n".getBytes(StandardCharsets.US_ASCII));
            writer.flush();
            try (BoundedInput input = BoundedInput.open(Path.of("-"), QUICK)) {
                assertThat(input.name()).isEqualTo("stdin");
                LineReader lines = input.lines(StandardCharsets.UTF_8);
                assertThat(lines.next().text()).isEqualTo("line");
                assertThatThrownBy(lines::next).hasMessage("stdin: no data for 300 ms (a stalled pipe?)");
            }
        } finally {
            System.setIn(saved);
            writer.close();
        }
        System.setIn(new ByteArrayInputStream("a\n".getBytes(StandardCharsets.US_ASCII)));
        try (BoundedInput input = BoundedInput.open(Path.of("-"), QUICK)) {
            assertThat(input.lines(StandardCharsets.UTF_8).next().text()).isEqualTo("a");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void aDirectoryOrAMissingFileIsRefusedAtOpen() {
        assertThatThrownBy(() -> BoundedInput.open(dir, QUICK))
                .isInstanceOf(InputException.class)
                .hasMessage(dir + ": is a directory, not a file");
        Path missing = dir.resolve("gone.txt");
        assertThatThrownBy(() -> BoundedInput.open(missing, QUICK))
                .hasMessage(missing + ": no such file");
    }

    @Test
    void aBigFileIsStreamedLineByLine() throws Exception {
        Path file = dir.resolve("big.txt");
        String row = "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      1/sshd\n";
        long lines = 150_000; // about 13 MB: many times the pump's queue and the reader's buffers
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] b = row.getBytes(StandardCharsets.US_ASCII);
            for (long i = 0; i < lines; i++) {
                out.write(b);
            }
        }
        try (BoundedInput input = BoundedInput.open(file, InputLimits.DEFAULT)) {
            LineReader reader = input.lines(StandardCharsets.UTF_8);
            long n = 0;
            InputLine last = null;
            for (InputLine l; (l = reader.next()) != null; ) {
                n++;
                last = l;
            }
            assertThat(n).isEqualTo(lines);
            assertThat(last).isEqualTo(new InputLine(lines, row.strip()));
            assertThat(input.bytesRead()).isEqualTo(Files.size(file));
        }
    }

    @Test
    void messagesAreOneLine() {
        InputException e = new InputException("evil\nname.txt:3", "bad\r\nthing\u0007 \u202Etxt.exe");
        // TerminalText's escapes, as every other output: a newline cannot forge a line, U+202E cannot reorder it
        assertThat(e.getMessage()).isEqualTo("evil\\x0Aname.txt:3: bad\\x0D\\x0Athing\\x07 \\u202Etxt.exe");
        assertThat(e.place()).isEqualTo("evil\nname.txt:3");
        assertThat(new InputException("q.jsonl:3 field second.address", "not an address").getMessage())
                .isEqualTo("q.jsonl:3 field second.address: not an address");
        assertThat(InputLimits.bytesText(InputLimits.DEFAULT.maxBytes())).isEqualTo("1 GiB");
        assertThat(InputLimits.bytesText(InputLimits.JSON.maxBytes())).isEqualTo("64 MiB");
    }

    private Path mkfifo(String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        boolean done = p.waitFor(20, TimeUnit.SECONDS);
        assumeTrue(done && p.exitValue() == 0, "mkfifo is not available");
        return fifo;
    }

    private static Set<Thread> pumps() {
        Set<Thread> out = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("input-pump-") && t.isAlive()
                    && List.of(t.getStackTrace()).stream().anyMatch(f -> f.getMethodName().startsWith("open"))) {
                out.add(t);
            }
        }
        return out;
    }

    /** The read end of a pipe: a new /proc/self/fd entry on "pipe:[...]" opened read-only. */
    private static Integer readEndOf(Pipe pipe) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return null;
        }
        List<Integer> candidates = new ArrayList<>();
        try (var list = Files.list(fds)) {
            for (Path fd : (Iterable<Path>) list::iterator) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith("pipe:")) {
                        int n = Integer.parseInt(fd.getFileName().toString());
                        String info = Files.readString(Path.of("/proc/self/fdinfo/" + n));
                        String flags = info.lines().filter(l -> l.startsWith("flags:")).findFirst().orElse("");
                        int value = Integer.parseInt(flags.substring(6).trim(), 8);
                        if ((value & 3) == 0) {
                            candidates.add(n);
                        }
                    }
                } catch (IOException | NumberFormatException e) {
                    // gone meanwhile, or not ours
                }
            }
        }
        return candidates.isEmpty() ? null : candidates.get(candidates.size() - 1);
    }
}
