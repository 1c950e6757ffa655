package org.socketinspector.sockets.windows;

import com.sun.jna.IntegerType;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * The Winsock 2 functions the bind probe and the lab experiments need (winsock2.h), which jna-platform does not map. Every function
 * is WSAAPI (stdcall on 32-bit Windows). Errors: the functions return SOCKET_ERROR (-1) or INVALID_SOCKET and
 * WSAGetLastError() tells why; WSAGetLastError is GetLastError on Windows NT, so {@code Native.getLastError()},
 * which JNA saves right after the call, is used instead of a second native call that could overwrite it.
 */
public interface Ws2_32 extends StdCallLibrary {

    Ws2_32 INSTANCE = Native.load("ws2_32", Ws2_32.class, W32APIOptions.DEFAULT_OPTIONS);

    /** SOCKET_ERROR, winsock2.h. */
    int SOCKET_ERROR = -1;
    /** SOL_SOCKET, ws2def.h. */
    int SOL_SOCKET = 0xFFFF;
    /** SO_REUSEADDR, ws2def.h. */
    int SO_REUSEADDR = 0x0004;
    /** SO_EXCLUSIVEADDRUSE = ((int) (~SO_REUSEADDR)), winsock2.h. */
    int SO_EXCLUSIVEADDRUSE = ~SO_REUSEADDR;
    /** IPPROTO_IPV6, ws2def.h. */
    int IPPROTO_IPV6 = 41;
    /** IPV6_V6ONLY, ws2ipdef.h. */
    int IPV6_V6ONLY = 27;
    /** SOCK_STREAM / SOCK_DGRAM, winsock2.h. */
    int SOCK_STREAM = 1;
    int SOCK_DGRAM = 2;
    /** IPPROTO_TCP / IPPROTO_UDP, ws2def.h. */
    int IPPROTO_TCP = 6;
    int IPPROTO_UDP = 17;
    /** SO_ACCEPTCONN, ws2def.h: a BOOL, true while the socket listens. */
    int SO_ACCEPTCONN = 0x0002;
    /** WSA_FLAG_NO_HANDLE_INHERIT, winsock2.h (Windows 7 SP1 and later): helpers must not inherit our sockets. */
    int WSA_FLAG_NO_HANDLE_INHERIT = 0x80;
    /** POLLRDNORM, winsock2.h: data (or, on a listening socket, a connection) can be read without blocking. */
    short POLLRDNORM = 0x0100;

    /** SOCKET: a UINT_PTR handle. */
    class SOCKET extends IntegerType {
        /** INVALID_SOCKET = (SOCKET)(~0). */
        public static final SOCKET INVALID_SOCKET = new SOCKET(-1);

        public SOCKET() {
            this(0);
        }

        public SOCKET(long value) {
            super(Native.POINTER_SIZE, value, true);
        }
    }

    /**
     * Initiates use of the Winsock DLL by a process. Returns 0 or the error code itself (not via WSAGetLastError).
     *
     * @param wVersionRequested MAKEWORD(2, 2)
     * @param lpWSAData         receives a WSADATA; its layout differs between 32 and 64 bits and only the fact
     *                          that the call succeeded is used, so a large enough buffer is passed
     */
    int WSAStartup(short wVersionRequested, Pointer lpWSAData);

    /**
     * Creates a socket with flags; here always WSA_FLAG_NO_HANDLE_INHERIT, the counterpart of Linux's SOCK_CLOEXEC.
     *
     * @param lpProtocolInfo null: the provider is chosen by af, type and protocol
     * @param g              0: no socket group
     */
    SOCKET WSASocketW(int af, int type, int protocol, Pointer lpProtocolInfo, int g, int dwFlags);

    /** Sets a socket option; optval points to a BOOL or DWORD here. */
    int setsockopt(SOCKET s, int level, int optname, IntByReference optval, int optlen);

    /** Associates a local address with a socket; name is a sockaddr_in or sockaddr_in6. */
    int bind(SOCKET s, byte[] name, int namelen);

    /** Places a socket in a state in which it is listening for an incoming connection. */
    int listen(SOCKET s, int backlog);

    /** Takes the first pending connection; addr and addrlen may be null. Returns INVALID_SOCKET on failure. */
    SOCKET accept(SOCKET s, Pointer addr, Pointer addrlen);

    /** Connects a stream socket to name (a sockaddr_in or sockaddr_in6); blocking. */
    int connect(SOCKET s, byte[] name, int namelen);

    /** Sends on a connected socket; the number of bytes sent or SOCKET_ERROR. */
    int send(SOCKET s, byte[] buf, int len, int flags);

    /** Sends one datagram to the address {@code to}; the number of bytes sent or SOCKET_ERROR. */
    int sendto(SOCKET s, byte[] buf, int len, int flags, byte[] to, int tolen);

    /** Receives: the number of bytes, 0 when a stream peer closed gracefully, or SOCKET_ERROR. */
    int recv(SOCKET s, byte[] buf, int len, int flags);

    /** Reads a socket option; optval receives a BOOL or DWORD here. */
    int getsockopt(SOCKET s, int level, int optname, IntByReference optval, IntByReference optlen);

    /**
     * Waits for events on sockets (Windows Vista and later).
     *
     * @param fdArray an array of WSAPOLLFD, see {@link WsaPollFd}
     * @param timeout milliseconds; 0 returns at once
     * @return the number of sockets with events, 0 on timeout, or SOCKET_ERROR
     */
    int WSAPoll(Pointer fdArray, int fds, int timeout);

    /** Retrieves the local name (sockaddr) of a socket. */
    int getsockname(SOCKET s, byte[] name, IntByReference namelen);

    /** Closes an existing socket. */
    int closesocket(SOCKET s);
}
