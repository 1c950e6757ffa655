package org.socketinspector.sockets.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.sockets.NativeSocketException;
import org.socketinspector.sockets.NativeSockets;
import org.socketinspector.sockets.SockOpt;

/** {@link NativeSockets} on Winsock 2 (ws2_32.dll). Windows only; the logic around it is tested with fakes. */
public final class WinsockSockets implements NativeSockets {

    /** MAKEWORD(2, 2). */
    private static final short WINSOCK_2_2 = 0x0202;
    /** sizeof(WSADATA) is 400 (32-bit) or 408 (64-bit). */
    private static final int WSADATA_BUFFER = 512;

    private static boolean started;

    /** WSAStartup once per process; WSACleanup is left to process exit (the probe may run on every scan). */
    private static synchronized void startup() throws NativeSocketException {
        if (started) {
            return;
        }
        try (Memory wsaData = new Memory(WSADATA_BUFFER)) {
            int status = Ws2_32.INSTANCE.WSAStartup(WINSOCK_2_2, wsaData);
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
        Ws2_32.SOCKET s = protocol == Protocol.TCP
                ? Ws2_32.INSTANCE.socket(af, Ws2_32.SOCK_STREAM, Ws2_32.IPPROTO_TCP)
                : Ws2_32.INSTANCE.socket(af, Ws2_32.SOCK_DGRAM, Ws2_32.IPPROTO_UDP);
        if (s.longValue() == Ws2_32.SOCKET.INVALID_SOCKET.longValue()) {
            throw failure("socket", null);
        }
        return s.longValue();
    }

    @Override
    public void setOption(long socket, SockOpt option, boolean enabled) throws NativeSocketException {
        int[] levelAndName = WinsockOptions.levelAndName(option);
        if (levelAndName == null) {
            throw new NativeSocketException("setsockopt", WinsockErrors.name(WinsockErrors.WSAENOPROTOOPT),
                    WinsockErrors.WSAENOPROTOOPT, option + " does not exist on Windows");
        }
        IntByReference value = new IntByReference(enabled ? 1 : 0);
        if (Ws2_32.INSTANCE.setsockopt(handle(socket), levelAndName[0], levelAndName[1], value, 4) == Ws2_32.SOCKET_ERROR) {
            throw failure("setsockopt", option.name());
        }
    }

    @Override
    public void bind(long socket, String address, int port) throws NativeSocketException {
        byte[] sockaddr = WinSockaddr.of(address, port);
        if (Ws2_32.INSTANCE.bind(handle(socket), sockaddr, sockaddr.length) == Ws2_32.SOCKET_ERROR) {
            throw failure("bind", address + " port " + port);
        }
    }

    @Override
    public void listen(long socket, int backlog) throws NativeSocketException {
        if (Ws2_32.INSTANCE.listen(handle(socket), backlog) == Ws2_32.SOCKET_ERROR) {
            throw failure("listen", null);
        }
    }

    @Override
    public int localPort(long socket) throws NativeSocketException {
        byte[] sockaddr = new byte[WinSockaddr.SOCKADDR_IN6_SIZE];
        IntByReference length = new IntByReference(sockaddr.length);
        if (Ws2_32.INSTANCE.getsockname(handle(socket), sockaddr, length) == Ws2_32.SOCKET_ERROR) {
            throw failure("getsockname", null);
        }
        return WinSockaddr.port(sockaddr);
    }

    @Override
    public void close(long socket) {
        Ws2_32.INSTANCE.closesocket(handle(socket));
    }

    private static Ws2_32.SOCKET handle(long socket) {
        return new Ws2_32.SOCKET(socket);
    }

    private static NativeSocketException failure(String call, String detail) {
        int code = Native.getLastError();
        return new NativeSocketException(call, WinsockErrors.name(code), code, detail);
    }
}
