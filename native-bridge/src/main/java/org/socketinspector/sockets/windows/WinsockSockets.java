package org.socketinspector.sockets.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.util.Arrays;
import org.socketinspector.model.Family;
import org.socketinspector.model.OsKind;
import org.socketinspector.model.Protocol;
import org.socketinspector.sockets.NativeSocketException;
import org.socketinspector.sockets.NativeSockets;
import org.socketinspector.model.SocketOption;

/**
 * {@link NativeSockets} on Winsock 2 (ws2_32.dll). Sockets are created with WSA_FLAG_NO_HANDLE_INHERIT so that no
 * helper process inherits them; waits (accept, receive) use WSAPoll with a timeout so that nothing blocks for ever.
 * Runs only on Windows; the logic around the calls is tested anywhere against a scripted {@link Ws2_32}.
 */
public final class WinsockSockets implements NativeSockets {

    @Override
    public OsKind os() {
        return OsKind.WINDOWS;
    }


    /** MAKEWORD(2, 2). */
    private static final short WINSOCK_2_2 = 0x0202;
    /** sizeof(WSADATA) is 400 (32-bit) or 408 (64-bit). */
    private static final int WSADATA_BUFFER = 512;

    private final Ws2_32 ws2;
    private boolean started;

    public WinsockSockets() {
        this(Ws2_32.INSTANCE);
    }

    WinsockSockets(Ws2_32 ws2) {
        this.ws2 = ws2;
    }

    /** WSAStartup once per instance (Winsock counts them); WSACleanup is left to process exit. */
    private synchronized void startup() throws NativeSocketException {
        if (started) {
            return;
        }
        try (Memory wsaData = new Memory(WSADATA_BUFFER)) {
            int status = ws2.WSAStartup(WINSOCK_2_2, wsaData);
            if (status != 0) {
                throw new NativeSocketException("WSAStartup", WinsockErrors.name(status), status, null);
            }
        }
        started = true;
    }

    @Override
    public long open(Protocol protocol, Family family) throws NativeSocketException {
        startup();
        int af = family == Family.IPV4 ? WinSockaddr.AF_INET : WinSockaddr.AF_INET6;
        boolean tcp = protocol == Protocol.TCP;
        Ws2_32.SOCKET s = ws2.WSASocketW(af, tcp ? Ws2_32.SOCK_STREAM : Ws2_32.SOCK_DGRAM,
                tcp ? Ws2_32.IPPROTO_TCP : Ws2_32.IPPROTO_UDP, null, 0, Ws2_32.WSA_FLAG_NO_HANDLE_INHERIT);
        if (invalid(s)) {
            throw failure("WSASocket", protocol.wireName() + "/" + family.wireName());
        }
        return s.longValue();
    }

    @Override
    public void setOption(long socket, SocketOption option, boolean enabled) throws NativeSocketException {
        int[] levelAndName = WinsockOptions.levelAndName(option);
        if (levelAndName == null) {
            throw new NativeSocketException("setsockopt", WinsockErrors.name(WinsockErrors.WSAENOPROTOOPT),
                    WinsockErrors.WSAENOPROTOOPT, option + " does not exist on Windows");
        }
        IntByReference value = new IntByReference(enabled ? 1 : 0);
        if (ws2.setsockopt(handle(socket), levelAndName[0], levelAndName[1], value, 4) == Ws2_32.SOCKET_ERROR) {
            throw failure("setsockopt", option.name());
        }
    }

    @Override
    public void bind(long socket, String address, int port) throws NativeSocketException {
        byte[] sockaddr = sockaddr("bind", address, port);
        if (ws2.bind(handle(socket), sockaddr, sockaddr.length) == Ws2_32.SOCKET_ERROR) {
            throw failure("bind", address + " port " + port);
        }
    }

    @Override
    public void listen(long socket, int backlog) throws NativeSocketException {
        if (ws2.listen(handle(socket), backlog) == Ws2_32.SOCKET_ERROR) {
            throw failure("listen", null);
        }
    }

    @Override
    public int localPort(long socket) throws NativeSocketException {
        byte[] sockaddr = new byte[WinSockaddr.SOCKADDR_IN6_SIZE];
        IntByReference length = new IntByReference(sockaddr.length);
        if (ws2.getsockname(handle(socket), sockaddr, length) == Ws2_32.SOCKET_ERROR) {
            throw failure("getsockname", null);
        }
        return WinSockaddr.port(sockaddr);
    }

    @Override
    public void close(long socket) {
        ws2.closesocket(handle(socket));
    }

    @Override
    public long accept(long socket, int timeoutMillis) throws NativeSocketException {
        if (!readable(socket, timeoutMillis)) {
            return -1;
        }
        Ws2_32.SOCKET connection = ws2.accept(handle(socket), Pointer.NULL, Pointer.NULL);
        if (invalid(connection)) {
            throw failure("accept", null);
        }
        return connection.longValue();
    }

    @Override
    public void connect(long socket, String address, int port) throws NativeSocketException {
        byte[] sockaddr = sockaddr("connect", address, port);
        if (ws2.connect(handle(socket), sockaddr, sockaddr.length) == Ws2_32.SOCKET_ERROR) {
            throw failure("connect", address + " port " + port);
        }
    }

    @Override
    public void send(long socket, byte[] data, String address, int port) throws NativeSocketException {
        if (address != null) {
            byte[] to = sockaddr("sendto", address, port);
            if (ws2.sendto(handle(socket), data, data.length, 0, to, to.length) == Ws2_32.SOCKET_ERROR) {
                throw failure("sendto", address + " port " + port);
            }
            return;
        }
        for (int sent = 0; sent < data.length; ) { // a blocking send may still take only part of a stream's data
            byte[] rest = sent == 0 ? data : Arrays.copyOfRange(data, sent, data.length);
            int n = ws2.send(handle(socket), rest, rest.length, 0);
            if (n == Ws2_32.SOCKET_ERROR) {
                throw failure("send", null);
            }
            sent += n;
        }
    }

    @Override
    public byte[] receive(long socket, int maxBytes, int timeoutMillis) throws NativeSocketException {
        if (!readable(socket, timeoutMillis)) {
            return null;
        }
        byte[] buffer = new byte[maxBytes];
        int n = ws2.recv(handle(socket), buffer, maxBytes, 0);
        if (n == Ws2_32.SOCKET_ERROR) {
            throw failure("recv", null);
        }
        return Arrays.copyOf(buffer, n);
    }

    @Override
    public boolean isListening(long socket) throws NativeSocketException {
        IntByReference value = new IntByReference();
        if (ws2.getsockopt(handle(socket), Ws2_32.SOL_SOCKET, Ws2_32.SO_ACCEPTCONN, value,
                new IntByReference(Integer.BYTES)) == Ws2_32.SOCKET_ERROR) {
            throw failure("getsockopt", "SO_ACCEPTCONN");
        }
        return value.getValue() != 0;
    }

    /** Whether the socket can be read (or accepted from) within the timeout. */
    private boolean readable(long socket, int timeoutMillis) throws NativeSocketException {
        try (Memory fd = WsaPollFd.of(socket, Ws2_32.POLLRDNORM)) {
            int ready = ws2.WSAPoll(fd, 1, Math.max(0, timeoutMillis));
            if (ready == Ws2_32.SOCKET_ERROR) {
                throw failure("WSAPoll", null);
            }
            // POLLHUP or POLLERR also end the wait: the recv or accept that follows reports what happened.
            return ready > 0 && WsaPollFd.revents(fd) != 0;
        }
    }

    private static byte[] sockaddr(String call, String address, int port) throws NativeSocketException {
        try {
            return WinSockaddr.of(address, port);
        } catch (IllegalArgumentException e) {
            throw new NativeSocketException(call, WinsockErrors.name(WinsockErrors.WSAEINVAL), WinsockErrors.WSAEINVAL,
                    e.getMessage());
        }
    }

    private static boolean invalid(Ws2_32.SOCKET s) {
        return s == null || s.longValue() == Ws2_32.SOCKET.INVALID_SOCKET.longValue();
    }

    private static Ws2_32.SOCKET handle(long socket) {
        return new Ws2_32.SOCKET(socket);
    }

    private static NativeSocketException failure(String call, String detail) {
        int code = Native.getLastError();
        return new NativeSocketException(call, WinsockErrors.name(code), code, detail);
    }
}
