package org.socketinspector.sockets;

import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;

/**
 * Sockets created through the OS's own calls (libc, ws2_32) with exactly the options asked for: Java's socket
 * API cannot set SO_EXCLUSIVEADDRUSE or IPV6_V6ONLY and forces exclusive binds on Windows. Handles are the OS's
 * descriptors (int fd on Unix, SOCKET on Windows) widened to long. One implementation per OS.
 */
public interface NativeSockets {

    long open(Protocol protocol, Family family) throws NativeSocketException;

    void setOption(long socket, SockOpt option, boolean enabled) throws NativeSocketException;

    void bind(long socket, String address, int port) throws NativeSocketException;

    void listen(long socket, int backlog) throws NativeSocketException;

    /** The port the socket is bound to (useful after binding port 0). */
    int localPort(long socket) throws NativeSocketException;

    /** Closes the socket; never throws. */
    void close(long socket);
}
