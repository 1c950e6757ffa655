package org.socketinspector.experiment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.sockets.NativeSocketException;
import org.socketinspector.sockets.NativeSockets;

/** Sockets of this process. The helper process runs one of these behind its command loop. */
public final class LocalSide implements SocketSide {

    /** poll slice of the serving loops: how quickly a closed socket stops being served. */
    private static final int SLICE_MILLIS = 10;
    /** How long an accepted connection may take to send its tag and close. */
    private static final int TAG_WAIT_MILLIS = 1000;

    private final NativeSockets sockets;
    private final int uid;
    private final Map<String, Long> handles = new ConcurrentHashMap<>();
    private final Map<String, Thread> servers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> stopping = new ConcurrentHashMap<>();

    /** @param uid this process's effective uid */
    public LocalSide(NativeSockets sockets, int uid) {
        this.sockets = sockets;
        this.uid = uid;
    }

    @Override
    public int uid() {
        return uid;
    }

    @Override
    public void open(String socketId, Protocol protocol, Family family) throws NativeSocketException {
        if (handles.containsKey(socketId)) {
            throw new IllegalArgumentException("socket '" + socketId + "' is already open");
        }
        handles.put(socketId, sockets.open(protocol, family));
    }

    @Override
    public void option(String socketId, SocketOption option, boolean enabled) throws NativeSocketException {
        sockets.setOption(handle(socketId), option, enabled);
    }

    @Override
    public int bind(String socketId, String address, int port) throws NativeSocketException {
        long s = handle(socketId);
        sockets.bind(s, address, port);
        return sockets.localPort(s);
    }

    @Override
    public long inode(String socketId) throws NativeSocketException {
        return sockets.inode(handle(socketId));
    }

    @Override
    public void listen(String socketId) throws NativeSocketException {
        sockets.listen(handle(socketId), 64);
    }

    @Override
    public void serve(String socketId, Consumer<Delivery> deliveries) throws NativeSocketException {
        long s = handle(socketId);
        boolean stream = sockets.isListening(s);
        Thread server = new Thread(() -> serveLoop(socketId, s, stream, deliveries), "serve-" + socketId);
        server.setDaemon(true);
        servers.put(socketId, server);
        server.start();
    }

    private void serveLoop(String socketId, long s, boolean stream, Consumer<Delivery> deliveries) {
        try {
            while (!stopping.containsKey(socketId)) {
                if (stream) {
                    long connection = sockets.accept(s, SLICE_MILLIS);
                    if (connection >= 0) {
                        Instant at = Instant.now();
                        String tag = readTag(connection);
                        deliveries.accept(new Delivery(socketId, tag, at));
                    }
                } else {
                    byte[] datagram = sockets.receive(s, 256, SLICE_MILLIS);
                    if (datagram != null) {
                        deliveries.accept(new Delivery(socketId, text(datagram), Instant.now()));
                    }
                }
            }
        } catch (NativeSocketException e) {
            deliveries.accept(new Delivery(socketId, "error " + e.getMessage(), Instant.now()));
        }
    }

    /** Reads the tag, then waits for the client's close so that TIME_WAIT stays on the client's side. */
    private String readTag(long connection) throws NativeSocketException {
        try {
            byte[] tag = sockets.receive(connection, 256, TAG_WAIT_MILLIS);
            if (tag != null && tag.length > 0) {
                sockets.receive(connection, 1, TAG_WAIT_MILLIS);
            }
            return tag == null ? "?" : text(tag);
        } finally {
            sockets.close(connection);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII).trim();
    }

    @Override
    public void sendTag(Protocol protocol, String address, int port, String tag) throws NativeSocketException {
        long s = sockets.open(protocol, Family.ofAddress(address));
        try {
            byte[] data = (tag + "\n").getBytes(StandardCharsets.US_ASCII);
            if (protocol == Protocol.TCP) {
                sockets.connect(s, address, port);
                sockets.send(s, data, null, 0);
            } else {
                sockets.send(s, data, address, port);
            }
        } finally {
            sockets.close(s);
        }
    }

    @Override
    public void connect(String socketId, String address, int port) throws NativeSocketException {
        sockets.connect(handle(socketId), address, port);
    }

    @Override
    public boolean accept(String listenerId, String connectionId, int timeoutMillis) throws NativeSocketException {
        if (handles.containsKey(connectionId)) {
            throw new IllegalArgumentException("socket '" + connectionId + "' is already open");
        }
        long connection = sockets.accept(handle(listenerId), timeoutMillis);
        if (connection < 0) {
            return false;
        }
        handles.put(connectionId, connection);
        return true;
    }

    @Override
    public void sendFrom(String socketId, String address, int port, String tag) throws NativeSocketException {
        sockets.send(handle(socketId), (tag + "\n").getBytes(StandardCharsets.US_ASCII), address, port);
    }

    /** Linux tcp_states.h TCP_CLOSE. */
    private static final int TCP_CLOSE = 7;

    @Override
    public boolean finishAfterPeer(String socketId, int timeoutMillis) throws NativeSocketException {
        long s = handle(socketId);
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        byte[] eof = sockets.receive(s, 16, timeoutMillis);
        if (eof == null || eof.length != 0) {
            return false; // no FIN from the server in time, or data instead of it
        }
        sockets.shutdownOutput(s);
        while (sockets.tcpState(s) != TCP_CLOSE) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000); // on loopback the last ACK comes within microseconds
        }
        return true;
    }

    @Override
    public void closeSocket(String socketId) {
        Long s = handles.get(socketId);
        if (s == null) {
            return;
        }
        stopping.put(socketId, true);
        Thread server = servers.remove(socketId);
        if (server != null) {
            try {
                server.join(TAG_WAIT_MILLIS * 2L + SLICE_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        handles.remove(socketId);
        stopping.remove(socketId);
        sockets.close(s);
    }

    @Override
    public void close() {
        List.copyOf(handles.keySet()).forEach(this::closeSocket);
    }

    private long handle(String socketId) {
        Long s = handles.get(socketId);
        if (s == null) {
            throw new IllegalArgumentException("no socket '" + socketId + "'");
        }
        return s;
    }
}
