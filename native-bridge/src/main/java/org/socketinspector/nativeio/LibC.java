package org.socketinspector.nativeio;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The few libc calls Socket Inspector makes, mapped the jna-platform way: names verbatim from the man pages,
 * constants citing their header. Every call that can fail declares {@link LastErrorException} so that errno is
 * read right after the call (see {@link Errno} for the names).
 */
public interface LibC extends Library {

    LibC INSTANCE = Native.load("c", LibC.class);

    // <bits/socket.h>, <bits/socket_type.h>
    int AF_INET = 2;
    int AF_INET6 = 10;
    int SOCK_STREAM = 1;
    int SOCK_DGRAM = 2;
    int SOCK_CLOEXEC = 02000000;
    // <asm-generic/socket.h>
    int SOL_SOCKET = 1;
    int SO_REUSEADDR = 2;
    int SO_ACCEPTCONN = 30;
    int SO_REUSEPORT = 15;
    // <netinet/in.h>, <linux/in6.h>
    int IPPROTO_IPV6 = 41;
    // <netinet/tcp.h>, <sys/socket.h>
    int IPPROTO_TCP = 6;
    int TCP_INFO = 11;
    int SHUT_WR = 1;
    int IPV6_V6ONLY = 26;
    // <poll.h>
    short POLLIN = 0x001;
    // <linux/prctl.h>, <signal.h>
    int PR_SET_PDEATHSIG = 1;
    int SIGKILL = 9;

    /** socket(2): creates an endpoint for communication and returns a file descriptor. */
    int socket(int domain, int type, int protocol) throws LastErrorException;

    /** setsockopt(2): sets an option on a socket. */
    int setsockopt(int sockfd, int level, int optname, IntByReference optval, int optlen) throws LastErrorException;

    /** getsockopt(2): reads an option of a socket. */
    int getsockopt(int sockfd, int level, int optname, IntByReference optval, IntByReference optlen)
            throws LastErrorException;

    /** bind(2): assigns the address {@code addr} (a sockaddr_in or sockaddr_in6) to the socket. */
    int bind(int sockfd, Pointer addr, int addrlen) throws LastErrorException;

    /** listen(2): marks the socket as passive, accepting connections. */
    int listen(int sockfd, int backlog) throws LastErrorException;

    /** accept4(2): takes the first pending connection; {@code flags} may carry SOCK_CLOEXEC. */
    int accept4(int sockfd, Pointer addr, Pointer addrlen, int flags) throws LastErrorException;

    /** connect(2): connects the socket to {@code addr}. */
    int connect(int sockfd, Pointer addr, int addrlen) throws LastErrorException;

    /** getsockname(2): the address the socket is bound to. */
    int getsockname(int sockfd, Pointer addr, IntByReference addrlen) throws LastErrorException;

    /** poll(2): waits for one of a set of file descriptors (an array of struct pollfd) to become ready. */
    int poll(Pointer fds, int nfds, int timeout) throws LastErrorException;

    /** sendto(2): sends a message to {@code dest_addr}. */
    NativeLong sendto(int sockfd, byte[] buf, NativeLong len, int flags, Pointer destAddr, int addrlen)
            throws LastErrorException;

    /** recv(2): receives a message; returns 0 when a stream peer has closed. */
    NativeLong recv(int sockfd, byte[] buf, NativeLong len, int flags) throws LastErrorException;

    /** shutdown(2): shuts down part of a full-duplex connection ({@code how}: SHUT_WR sends the FIN). */
    int shutdown(int sockfd, int how) throws LastErrorException;

    /** close(2): closes a file descriptor. */
    int close(int fd) throws LastErrorException;

    /** prctl(2): operations on a process; used for PR_SET_PDEATHSIG. */
    int prctl(int option, NativeLong arg2, NativeLong arg3, NativeLong arg4, NativeLong arg5)
            throws LastErrorException;

    /** getppid(2): the parent's process id (1 or a subreaper once the parent died). */
    int getppid();

    /** geteuid(2): the effective user id. */
    int geteuid();
}
