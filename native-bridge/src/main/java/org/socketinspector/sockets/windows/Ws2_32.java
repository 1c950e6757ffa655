package org.socketinspector.sockets.windows;

import com.sun.jna.IntegerType;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * The few Winsock 2 functions the bind probe needs (winsock2.h), which jna-platform does not map. Every function
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

    /** Creates a socket bound to a transport provider. */
    SOCKET socket(int af, int type, int protocol);

    /** Sets a socket option; optval points to a BOOL or DWORD here. */
    int setsockopt(SOCKET s, int level, int optname, IntByReference optval, int optlen);

    /** Associates a local address with a socket; name is a sockaddr_in or sockaddr_in6. */
    int bind(SOCKET s, byte[] name, int namelen);

    /** Places a socket in a state in which it is listening for an incoming connection. */
    int listen(SOCKET s, int backlog);

    /** Retrieves the local name (sockaddr) of a socket. */
    int getsockname(SOCKET s, byte[] name, IntByReference namelen);

    /** Closes an existing socket. */
    int closesocket(SOCKET s);
}
