package org.socketinspector.experiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
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
import org.socketinspector.experiment.helper.HelperProtocol;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.sockets.NativeSocketException;
import org.socketinspector.model.SocketOption;

/** A {@link SocketSide} in a helper process (see {@link HelperLauncher}); commands go over its stdin. */
public final class HelperSide implements SocketSide {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    private static final String EOF = "\u0000eof";

    private final Process process;
    private final int uid;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Map<String, Consumer<Delivery>> listeners = new ConcurrentHashMap<>();

    HelperSide(Process process) throws IOException {
        this.process = process;
        this.commands = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII), true);
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        String ready = lines.readLine();
        if (ready == null || !ready.startsWith(HelperProtocol.READY + " ")) {
            throw new IOException("helper did not start: " + (ready == null ? "no output" : ready));
        }
        this.uid = Integer.parseInt(HelperProtocol.words(ready).get(2));
        Thread reader = new Thread(() -> readLoop(lines), "helper-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    public long pid() {
        return process.pid();
    }

    private void readLoop(BufferedReader lines) {
        try {
            String line;
            while ((line = lines.readLine()) != null) {
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
            // the helper is gone; a waiting command sees EOF below
        }
        answers.add(EOF);
    }

    private synchronized String call(String command) throws NativeSocketException {
        commands.println(command);
        String answer;
        try {
            answer = answers.poll(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NativeSocketException("helper", "EINTR", 4, "interrupted while waiting for '" + command + "'");
        }
        if (answer == null || answer.equals(EOF)) {
            answers.add(EOF);
            throw new NativeSocketException("helper", "ETIMEDOUT", 110,
                    "helper " + process.pid() + " did not answer '" + command + "'");
        }
        if (answer.equals(HelperProtocol.OK) || answer.startsWith(HelperProtocol.OK + " ")) {
            return answer.length() > 2 ? answer.substring(3) : "";
        }
        throw HelperProtocol.parseError(answer);
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
        } catch (NativeSocketException e) {
            // the helper is gone, and its sockets with it
        }
        listeners.remove(socketId);
    }

    /** Ends the helper by its PID: close its control pipe, then destroyForcibly, then wait for it. */
    @Override
    public void close() {
        commands.close();
        HelperLauncher.end(process.toHandle());
    }
}
