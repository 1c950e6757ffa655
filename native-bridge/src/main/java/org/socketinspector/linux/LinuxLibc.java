package org.socketinspector.linux;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * The few libc calls the Linux collector makes, JNA direct-mapped (a plain JNI call, no reflection per call: the
 * option reader makes several calls per socket, 30,000 sockets per scan), beside {@code nativeio.LibC}, the
 * interface mapping the experiments use with errno as exceptions. Names and arguments as in the man pages;
 * {@code size_t}/{@code ssize_t}/{@code long} are Java {@code long} (LP64: x86_64 and aarch64, the Linux targets).
 * After a failed call, {@link Native#getLastError()} holds errno.
 */
final class LinuxLibc {

    static {
        Native.register(LinuxLibc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    // The socket constants both mappings use (SOL_SOCKET, SO_REUSEADDR, ...) live in nativeio.LibC; these are the
    // collector's own. include/linux/socket.h, include/linux/net.h:
    static final int AF_NETLINK = 16;
    static final int SOCK_RAW = 3;
    // include/uapi/asm-generic/socket.h (x86_64 and aarch64 use the generic values)
    static final int SO_RCVTIMEO = 20;
    static final int SO_COOKIE = 57;
    // include/uapi/asm-generic/unistd.h and arch/x86/entry/syscalls/syscall_64.tbl: the same numbers on every
    // architecture, since syscalls added after 5.1 share one number everywhere.
    static final long SYS_pidfd_open = 434;
    static final long SYS_pidfd_getfd = 438;

    private LinuxLibc() {
    }

    /** socket(2): creates an endpoint for communication and returns a file descriptor. */
    static native int socket(int domain, int type, int protocol);

    /** send(2): sends a message on a socket. */
    static native long send(int sockfd, byte[] buf, long len, int flags);

    /** recv(2): receives a message from a socket. */
    static native long recv(int sockfd, byte[] buf, long len, int flags);

    /** getsockopt(2) for int-valued options. */
    static native int getsockopt(int sockfd, int level, int optname, int[] optval, int[] optlen);

    /** setsockopt(2) for struct timeval options ({tv_sec, tv_usec} as two longs). */
    static native int setsockopt(int sockfd, int level, int optname, long[] optval, int optlen);

    /**
     * readlink(2): places the target of a symbolic link in buf (not NUL-terminated) and returns its length.
     * {@code pathname} is a NUL-terminated byte string; bytes avoid a String per /proc/&lt;pid&gt;/fd entry.
     */
    static native long readlink(byte[] pathname, byte[] buf, long bufsiz);

    /** close(2): closes a file descriptor. */
    static native int close(int fd);

    /** syscall(2): calls a system call glibc has no wrapper for (pidfd_open, pidfd_getfd). */
    static native long syscall(long number, long arg1, long arg2, long arg3);

    static int errno() {
        return Native.getLastError();
    }
}
