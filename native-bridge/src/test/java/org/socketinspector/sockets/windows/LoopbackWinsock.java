package org.socketinspector.sockets.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Ws2_32} for tests off Windows: a tiny in-memory loopback with Winsock's calling conventions
 * (SOCKET_ERROR plus the error in the thread's last error, INVALID_SOCKET, WSAPOLLFD in native memory, sockaddrs
 * with AF_INET6 = 23). Ports are matched, addresses and reuse options are not: bind conflicts are scripted with
 * {@link #failNext}. It checks {@link WinsockSockets}' use of the calls, not Windows' semantics.
 */
final class LoopbackWinsock implements Ws2_32 {

    /** One socket's state. */
    private static final class Sock {
        final int type;
        int port;
        boolean listening;
        boolean closed;
        Sock peer;
        final Deque<Long> pending = new ArrayDeque<>();
        final Deque<byte[]> incoming = new ArrayDeque<>();

        Sock(int type) {
            this.type = type;
        }
    }

    final List<String> calls = new ArrayList<>();
    private final Map<Long, Sock> sockets = new HashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private long nextHandle = 0x100;
    private int nextPort = 50000;
    int lastFlags;
    int lastPollTimeout;

    /** The next call of that name fails with this Winsock error. */
    void failNext(String call, int error) {
        failures.put(call, error);
    }

    private boolean failing(String call) {
        calls.add(call);
        Integer error = failures.remove(call);
        if (error != null) {
            Native.setLastError(error);
            return true;
        }
        return false;
    }

    private Sock sock(SOCKET s) {
        Sock sock = sockets.get(s.longValue());
        if (sock == null || sock.closed) {
            throw new AssertionError("no open socket " + s.longValue());
        }
        return sock;
    }

    private SOCKET add(Sock sock) {
        long handle = nextHandle++;
        sockets.put(handle, sock);
        return new SOCKET(handle);
    }

    int openSockets() {
        return (int) sockets.values().stream().filter(s -> !s.closed).count();
    }

    @Override
    public int WSAStartup(short wVersionRequested, Pointer lpWSAData) {
        calls.add("WSAStartup");
        return wVersionRequested == 0x0202 ? 0 : WinsockErrors.WSAVERNOTSUPPORTED;
    }

    @Override
    public SOCKET WSASocketW(int af, int type, int protocol, Pointer lpProtocolInfo, int g, int dwFlags) {
        if (failing("WSASocketW")) {
            return SOCKET.INVALID_SOCKET;
        }
        lastFlags = dwFlags;
        return add(new Sock(type));
    }

    @Override
    public int setsockopt(SOCKET s, int level, int optname, IntByReference optval, int optlen) {
        sock(s);
        return failing("setsockopt") ? SOCKET_ERROR : 0;
    }

    @Override
    public int bind(SOCKET s, byte[] name, int namelen) {
        Sock sock = sock(s);
        if (failing("bind")) {
            return SOCKET_ERROR;
        }
        int port = WinSockaddr.port(name);
        sock.port = port == 0 ? nextPort++ : port;
        return 0;
    }

    @Override
    public int listen(SOCKET s, int backlog) {
        if (failing("listen")) {
            return SOCKET_ERROR;
        }
        sock(s).listening = true;
        return 0;
    }

    @Override
    public SOCKET accept(SOCKET s, Pointer addr, Pointer addrlen) {
        Sock listener = sock(s);
        if (failing("accept") || listener.pending.isEmpty()) {
            if (listener.pending.isEmpty()) {
                Native.setLastError(WinsockErrors.WSAEWOULDBLOCK);
            }
            return SOCKET.INVALID_SOCKET;
        }
        return new SOCKET(listener.pending.poll());
    }

    @Override
    public int connect(SOCKET s, byte[] name, int namelen) {
        Sock client = sock(s);
        if (failing("connect")) {
            return SOCKET_ERROR;
        }
        int port = WinSockaddr.port(name);
        Sock listener = sockets.values().stream().filter(x -> !x.closed && x.listening && x.port == port)
                .findFirst().orElse(null);
        if (listener == null) {
            Native.setLastError(WinsockErrors.WSAECONNREFUSED);
            return SOCKET_ERROR;
        }
        Sock server = new Sock(SOCK_STREAM);
        server.peer = client;
        client.peer = server;
        listener.pending.add(add(server).longValue());
        return 0;
    }

    @Override
    public int send(SOCKET s, byte[] buf, int len, int flags) {
        Sock sock = sock(s);
        if (failing("send")) {
            return SOCKET_ERROR;
        }
        int n = Math.min(len, 3); // partial sends, as a stream may do
        sock.peer.incoming.add(Arrays.copyOf(buf, n));
        return n;
    }

    @Override
    public int sendto(SOCKET s, byte[] buf, int len, int flags, byte[] to, int tolen) {
        sock(s);
        if (failing("sendto")) {
            return SOCKET_ERROR;
        }
        int port = WinSockaddr.port(to);
        sockets.values().stream().filter(x -> !x.closed && x.type == SOCK_DGRAM && x.port == port).findFirst()
                .ifPresent(x -> x.incoming.add(Arrays.copyOf(buf, len)));
        return len;
    }

    @Override
    public int recv(SOCKET s, byte[] buf, int len, int flags) {
        Sock sock = sock(s);
        if (failing("recv")) {
            return SOCKET_ERROR;
        }
        byte[] data = sock.incoming.poll();
        if (data == null) {
            return 0; // only asked after WSAPoll said readable: the peer closed
        }
        int n = Math.min(len, data.length);
        System.arraycopy(data, 0, buf, 0, n);
        return n;
    }

    @Override
    public int getsockopt(SOCKET s, int level, int optname, IntByReference optval, IntByReference optlen) {
        Sock sock = sock(s);
        if (failing("getsockopt")) {
            return SOCKET_ERROR;
        }
        if (level != SOL_SOCKET || optname != SO_ACCEPTCONN || optlen.getValue() != 4) {
            Native.setLastError(WinsockErrors.WSAENOPROTOOPT);
            return SOCKET_ERROR;
        }
        optval.setValue(sock.listening ? 1 : 0);
        return 0;
    }

    @Override
    public int WSAPoll(Pointer fdArray, int fds, int timeout) {
        if (failing("WSAPoll")) {
            return SOCKET_ERROR;
        }
        lastPollTimeout = timeout;
        if (fds != 1 || fdArray.getShort(8) != POLLRDNORM) {
            throw new AssertionError("expected one WSAPOLLFD asking for POLLRDNORM");
        }
        Sock sock = sock(new SOCKET(fdArray.getLong(0)));
        boolean peerClosed = sock.peer != null && sock.peer.closed;
        boolean ready = !sock.pending.isEmpty() || !sock.incoming.isEmpty() || peerClosed;
        fdArray.setShort(10, ready ? (short) (peerClosed && sock.incoming.isEmpty() ? 0x0002 : POLLRDNORM) : 0);
        return ready ? 1 : 0;
    }

    @Override
    public int getsockname(SOCKET s, byte[] name, IntByReference namelen) {
        Sock sock = sock(s);
        if (failing("getsockname")) {
            return SOCKET_ERROR;
        }
        name[2] = (byte) (sock.port >>> 8);
        name[3] = (byte) sock.port;
        return 0;
    }

    @Override
    public int closesocket(SOCKET s) {
        calls.add("closesocket");
        sock(s).closed = true;
        return 0;
    }
}
