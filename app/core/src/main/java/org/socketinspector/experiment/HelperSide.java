package org.socketinspector.experiment;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.sockets.NativeSocketException;

/**
 * A {@link SocketSide} in a helper process (see {@link HelperLauncher}); commands go over its stdin. Every read from
 * the helper is bounded (issue 18, defect 5): "ready" by {@link HelperLauncher#READY_LIMIT}, each answer by
 * {@link #ANSWER_TIMEOUT}, both by the run's deadline; a helper that does not answer in time (stopped with SIGSTOP,
 * hung) is ended by PID at once, and every later call fails without waiting.
 */
public final class HelperSide implements SocketSide {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    /** Longer lines than this are no answer of the protocol: the helper is treated as gone. */
    static final int MAX_LINE = 4096;
    private static final long SLICE_MILLIS = 50;
    private static final String EOF = "\u0000eof";

    private final Process process;
    private final HelperLauncher launcher;
    private final CancelToken cancel;
    private final int uid;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Map<String, Consumer<Delivery>> listeners = new ConcurrentHashMap<>();
    private volatile boolean dead;

    /** Waits (bounded) for the helper's "ready"; ends it by PID and throws if none comes in time. */
    HelperSide(Process process, HelperLauncher launcher, CancelToken cancel) throws IOException {
        this.process = process;
        this.launcher = launcher;
        this.cancel = cancel;
        this.commands = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII), true);
        Reader lines = new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII);
        Thread reader = new Thread(() -> readLoop(lines), "helper-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        String ready;
        try {
            ready = next(HelperLauncher.READY_LIMIT, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ready = null;
        }
        if (ready == null || ready.equals(EOF) || !ready.startsWith(HelperProtocol.READY + " ")) {
            kill();
            stopIfCancelled("helper " + process.pid() + " had not said ready");
            throw new IOException(ready == null
                    ? "it did not say ready within " + HelperLauncher.READY_LIMIT.toSeconds() + " s; ended it"
                    : "it did not start: " + (ready.equals(EOF) ? "no output" : oneLine(ready)));
        }
        this.uid = Integer.parseInt(HelperProtocol.words(ready).get(2));
    }

    public long pid() {
        return process.pid();
    }

    /**
     * The next line from the helper, waiting at most {@code limit} and no later than the run's deadline (checked
     * every {@link #SLICE_MILLIS} ms), nor its cancel when {@code orCancel}; null when none came. An answer is short
     * and a cancel (Ctrl-C) is seen between steps, so only the start, which may take seconds, gives way to a cancel.
     */
    private String next(Duration limit, boolean orCancel) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            // One slice even past the deadline: a quick answer (closing a socket at the end of the run) still counts.
            String line = answers.poll(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, SLICE_MILLIS)),
                    TimeUnit.MILLISECONDS);
            if (line != null) {
                return line;
            }
            if (end - System.nanoTime() <= 0
                    || (cancel != null && (orCancel ? cancel.isCancelled() : cancel.pastDeadline()))) {
                return null;
            }
        }
    }

    /**
     * A wait cut short by the run's cancel or deadline is the run's stop, not the helper's failure: the run then
     * keeps what it measured (a partial record), as on a cancel between steps.
     */
    private void stopIfCancelled(String what) {
        String why = cancel == null ? null : cancel.stopReason();
        if (why != null) {
            throw new CancelToken.CancelledException(why + " (" + what + "; ended it)");
        }
    }

    private void readLoop(Reader lines) {
        try {
            String line;
            while ((line = readLine(lines)) != null) {
                if (line.startsWith(HelperProtocol.DELIVERY + " ")) {
                    List<String> w = HelperProtocol.words(line);
                    Consumer<Delivery> listener = listeners.get(w.get(1));
                    if (listener != null) {
                        listener.accept(new Delivery(w.get(1), w.get(2), Instant.ofEpochMilli(Long.parseLong(w.get(3)))));
                    }
                } else {
                    answers.add(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the helper is gone or spoke outside the protocol; a waiting command sees EOF below
        }
        answers.add(EOF);
    }

    /**
     * One line of at most {@link #MAX_LINE} characters, without its end (LF, or CRLF: a helper's println on Windows);
     * null at the end of the stream.
     */
    static String readLine(Reader in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int last = line.length() - 1;
                return last >= 0 && line.charAt(last) == '\r' ? line.substring(0, last) : line.toString();
            }
            if (line.length() == MAX_LINE) {
                throw new IOException("a line longer than " + MAX_LINE + " characters");
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    private synchronized String call(String command) throws NativeSocketException {
        if (dead) {
            throw new NativeSocketException("helper", "ETIMEDOUT", 110, "helper " + process.pid()
                    + " was ended after it stopped answering; not sent: '" + command + "'");
        }
        commands.println(command);
        String answer;
        try {
            answer = next(ANSWER_TIMEOUT, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NativeSocketException("helper", "EINTR", 4, "interrupted while waiting for '" + command + "'");
        }
        if (answer == null || answer.equals(EOF)) {
            answers.add(EOF);
            if (answer == null) {
                // Stopped, hung, or the run stops: a late answer would be taken for the next command's, and the
                // helper must not keep its sockets: it is ended, and every later call fails at once.
                kill();
                stopIfCancelled("helper " + process.pid() + " had not answered '" + command + "'");
            }
            throw new NativeSocketException("helper", "ETIMEDOUT", 110, "helper " + process.pid() + " did not answer '"
                    + command + "'" + (answer == null ? " within " + ANSWER_TIMEOUT.toSeconds() + " s; ended it" : ""));
        }
        if (answer.equals(HelperProtocol.OK) || answer.startsWith(HelperProtocol.OK + " ")) {
            return answer.length() > 2 ? answer.substring(3) : "";
        }
        throw HelperProtocol.parseError(answer);
    }

    private void kill() {
        dead = true;
        commands.close();
        launcher.end(process.toHandle());
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public int uid() {
        return uid;
    }

    @Override
    public void open(String socketId, Protocol protocol, Family family) throws NativeSocketException {
        call(String.join(" ", "open", socketId, protocol.wireName(), family.wireName()));
    }

    @Override
    public void option(String socketId, SocketOption option, boolean enabled) throws NativeSocketException {
        call(String.join(" ", "opt", socketId, option.wireName(), enabled ? "on" : "off"));
    }

    @Override
    public int bind(String socketId, String address, int port) throws NativeSocketException {
        return Integer.parseInt(call(String.join(" ", "bind", socketId, address, Integer.toString(port))));
    }

    @Override
    public long inode(String socketId) throws NativeSocketException {
        return Long.parseLong(call("inode " + socketId));
    }

    @Override
    public void listen(String socketId) throws NativeSocketException {
        call("listen " + socketId);
    }

    @Override
    public void serve(String socketId, Consumer<Delivery> deliveries) throws NativeSocketException {
        listeners.put(socketId, deliveries);
        call("serve " + socketId);
    }

    @Override
    public void sendTag(Protocol protocol, String address, int port, String tag) throws NativeSocketException {
        call(String.join(" ", "send", protocol.wireName(), address, Integer.toString(port), tag));
    }

    @Override
    public void connect(String socketId, String address, int port) throws NativeSocketException {
        call(String.join(" ", "connect", socketId, address, Integer.toString(port)));
    }

    @Override
    public boolean accept(String listenerId, String connectionId, int timeoutMillis) throws NativeSocketException {
        return Boolean.parseBoolean(call(String.join(" ", "accept", listenerId, connectionId,
                Integer.toString(timeoutMillis))));
    }

    @Override
    public void sendFrom(String socketId, String address, int port, String tag) throws NativeSocketException {
        call(String.join(" ", "sendfrom", socketId, address, Integer.toString(port), tag));
    }

    @Override
    public boolean finishAfterPeer(String socketId, int timeoutMillis) throws NativeSocketException {
        return Boolean.parseBoolean(call(String.join(" ", "finish", socketId, Integer.toString(timeoutMillis))));
    }

    @Override
    public void closeSocket(String socketId) {
        try {
            call("close " + socketId);
        } catch (NativeSocketException | CancelToken.CancelledException e) {
            // the helper is gone (or was just ended), and its sockets with it; a cancel is seen at the next step
        }
        listeners.remove(socketId);
    }

    /** Ends the helper by its PID: close its control pipe, then destroyForcibly, then wait for it. */
    @Override
    public void close() {
        commands.close();
        launcher.end(process.toHandle());
    }
}
