package org.socketinspector.sockets;

import org.socketinspector.model.Family;
import org.socketinspector.model.OsKind;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;

/**
 * Sockets created through the OS's own calls (libc, ws2_32) with exactly the options asked for: Java's socket
 * API cannot set SO_EXCLUSIVEADDRUSE or IPV6_V6ONLY and forces exclusive binds on Windows. Handles are the OS's
 * descriptors (int fd on Unix, SOCKET on Windows) widened to long. One implementation per OS.
 *
 * <p>The first six calls are what a probe needs. The rest (accept, connect, send, receive, isListening) is what
 * the lab experiments need; an OS whose implementation does not run experiments may leave them unimplemented.
 * Every wait is bounded by a timeout: nothing here blocks for ever.
 */
public interface NativeSockets {

    /** The operating system whose sockets these are: whose bind rules an experiment with them measures. */
    OsKind os();

    long open(Protocol protocol, Family family) throws NativeSocketException;

    void setOption(long socket, SocketOption option, boolean enabled) throws NativeSocketException;

    void bind(long socket, String address, int port) throws NativeSocketException;

    void listen(long socket, int backlog) throws NativeSocketException;

    /** The port the socket is bound to (useful after binding port 0). */
    int localPort(long socket) throws NativeSocketException;

    /** Closes the socket; never throws. */
    void close(long socket);

    /** Waits at most {@code timeoutMillis} for a connection on a listening socket; its handle, or -1 on timeout. */
    default long accept(long socket, int timeoutMillis) throws NativeSocketException {
        throw unsupported("accept");
    }

    /** Connects a stream socket (blocking; experiments only connect to loopback or their own namespace). */
    default void connect(long socket, String address, int port) throws NativeSocketException {
        throw unsupported("connect");
    }

    /** Sends bytes: on a connected socket when {@code address} is null, else as one datagram to address:port. */
    default void send(long socket, byte[] data, String address, int port) throws NativeSocketException {
        throw unsupported("send");
    }

    /**
     * Waits at most {@code timeoutMillis} for data; returns what one recv got (empty when a stream peer closed),
     * or null on timeout.
     */
    default byte[] receive(long socket, int maxBytes, int timeoutMillis) throws NativeSocketException {
        throw unsupported("receive");
    }

    /** shutdown(SHUT_WR): sends the FIN of a stream socket and keeps it open for reading. */
    default void shutdownOutput(long socket) throws NativeSocketException {
        throw unsupported("shutdownOutput");
    }

    /** A TCP socket's state as the kernel numbers it (Linux tcp_states.h: 1 ESTABLISHED ... 7 CLOSE). */
    default int tcpState(long socket) throws NativeSocketException {
        throw unsupported("tcpState");
    }

    /** SO_ACCEPTCONN: whether the socket is listening. */
    default boolean isListening(long socket) throws NativeSocketException {
        throw unsupported("isListening");
    }

    /**
     * The sockets of {@code protocol} that hold {@code port} in this process's network namespace now, on any address
     * and in any state (listening, only bound, connections, TIME_WAIT): what an experiment reads when a bind of its
     * own is refused, to know whether its own sockets or someone else's refused it (issue 18, defect 6).
     */
    default java.util.List<PortHolder> holders(org.socketinspector.model.Protocol protocol, int port)
            throws java.io.IOException {
        throw unsupported("holders");
    }

    /** The inode of this process's socket (Linux: /proc/self/fd), to tell its own sockets in {@link #holders}. */
    default long inode(long socket) throws NativeSocketException {
        throw unsupported("inode");
    }

    /** A process holding the socket inode (the lowest pid), or null when none is visible to this process. */
    default Long pidHolding(long inode) {
        throw unsupported("pidHolding");
    }

    private UnsupportedOperationException unsupported(String call) {
        return new UnsupportedOperationException(call + " is not implemented by " + getClass().getSimpleName());
    }
}
