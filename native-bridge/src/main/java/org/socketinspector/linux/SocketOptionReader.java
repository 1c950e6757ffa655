package org.socketinspector.linux;

import org.socketinspector.nativeio.Errno;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.socketinspector.model.Family;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.nativeio.LibC;

/**
 * Reads the real options of another process's socket: pidfd_open(pid) once per process, then per socket
 * pidfd_getfd(pidfd, fd) duplicates the owner's descriptor into this process, getsockopt reads the options of that
 * same kernel socket, and the duplicate is closed at once (while open it would keep the socket alive). The owner's
 * socket is not changed. Needs ptrace rights over the owner (PTRACE_MODE_ATTACH_REALCREDS): root, or the
 * user's own dumpable processes. See pidfd_open(2), pidfd_getfd(2).
 *
 * <p>Not thread-safe; use one per scan and {@link #close()} it, which closes the cached pidfds.
 */
final class SocketOptionReader implements AutoCloseable {

    /**
     * Options, or why they could not be read.
     *
     * @param stale the descriptor no longer holds the expected socket, or the process is gone: an owner taken from
     *              an earlier scan must be looked up again
     */
    record Result(SocketOptions options, String failure, boolean stale) {
        static Result failed(String failure, boolean stale) {
            return new Result(null, failure, stale);
        }
    }

    private final Map<Integer, Integer> pidfds = new HashMap<>();
    private final Map<Integer, String> pidFailures = new HashMap<>();
    private final int[] value = new int[1];
    private final int[] cookie = new int[2];
    private final int[] length = new int[1];

    /**
     * @param cookie          the socket's cookie from sock_diag, or 0: when known, SO_COOKIE of the duplicate must
     *                        match, which proves the descriptor still holds that very socket
     * @param expectListening the socket table says LISTEN: without a cookie, SO_ACCEPTCONN must agree, otherwise the
     *                        descriptor number was reused for another socket since /proc was read
     */
    Result read(int pid, int fd, long cookie, Family family, boolean expectListening, boolean tcp) {
        if (!NativeAccess.available()) {
            return Result.failed(NativeAccess.PROBLEM, false);
        }
        int pidfd = pidfd(pid);
        if (pidfd < 0) {
            return Result.failed(pidFailures.get(pid), true);
        }
        long dup = LinuxLibc.syscall(LinuxLibc.SYS_pidfd_getfd, pidfd, fd, 0);
        if (dup < 0) {
            int errno = LinuxLibc.errno();
            return Result.failed("pidfd_getfd " + Errno.name(errno) + switch (errno) {
                case Errno.EBADF -> " (socket closed meanwhile)";
                case Errno.EPERM -> " (needs ptrace rights over the owner: root or the same user)";
                case Errno.ENOSYS -> " (kernel older than 5.6)";
                default -> "";
            }, errno != Errno.EPERM);
        }
        int copy = (int) dup;
        try {
            if (cookie != 0 && cookie != cookie(copy)) {
                return Result.failed("descriptor reused for another socket during the scan", true);
            }
            Boolean reuseAddress = flag(copy, LibC.SOL_SOCKET, LibC.SO_REUSEADDR);
            Boolean reusePort = flag(copy, LibC.SOL_SOCKET, LibC.SO_REUSEPORT);
            Boolean v6only = family == Family.IPV6 ? flag(copy, LibC.IPPROTO_IPV6, LibC.IPV6_V6ONLY) : null;
            if (tcp && cookie == 0) {
                Boolean accepting = flag(copy, LibC.SOL_SOCKET, LibC.SO_ACCEPTCONN);
                if (accepting != null && accepting != expectListening) {
                    return Result.failed("descriptor reused for another socket during the scan", true);
                }
            }
            if (reuseAddress == null && reusePort == null) {
                return Result.failed("getsockopt " + Errno.name(LinuxLibc.errno()), false);
            }
            return new Result(new SocketOptions(reuseAddress, reusePort, null, v6only), null, false);
        } finally {
            LinuxLibc.close(copy);
        }
    }

    private int pidfd(int pid) {
        Integer cached = pidfds.get(pid);
        if (cached != null) {
            return cached;
        }
        long pidfd = LinuxLibc.syscall(LinuxLibc.SYS_pidfd_open, pid, 0, 0);
        if (pidfd < 0) {
            int errno = LinuxLibc.errno();
            pidFailures.put(pid, "pidfd_open " + Errno.name(errno) + switch (errno) {
                case Errno.ESRCH -> " (process ended)";
                case Errno.ENOSYS -> " (kernel older than 5.3)";
                default -> "";
            });
        }
        pidfds.put(pid, (int) pidfd);
        return (int) pidfd;
    }

    /** SO_COOKIE (Linux 4.12+): a u64 that the kernel never reuses for another socket; 0 when unreadable. */
    private long cookie(int fd) {
        cookie[0] = 0;
        cookie[1] = 0;
        length[0] = 8;
        if (LinuxLibc.getsockopt(fd, LibC.SOL_SOCKET, LinuxLibc.SO_COOKIE, cookie, length) != 0) {
            return 0;
        }
        long first = cookie[0] & 0xffffffffL;
        long second = cookie[1] & 0xffffffffL;
        return ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? first | second << 32 : second | first << 32;
    }

    private Boolean flag(int fd, int level, int option) {
        value[0] = 0;
        length[0] = 4;
        return LinuxLibc.getsockopt(fd, level, option, value, length) == 0 ? value[0] != 0 : null;
    }

    @Override
    public void close() {
        for (int pidfd : pidfds.values()) {
            if (pidfd >= 0) {
                LinuxLibc.close(pidfd);
            }
        }
        pidfds.clear();
    }
}
