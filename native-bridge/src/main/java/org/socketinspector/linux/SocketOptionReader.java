package org.socketinspector.linux;

import org.socketinspector.model.Family;
import org.socketinspector.model.SocketOptions;

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

    /** Options, or why they could not be read. */
    record Result(SocketOptions options, String failure) {
    }

    private final java.util.Map<Integer, Integer> pidfds = new java.util.HashMap<>();
    private final java.util.Map<Integer, String> pidFailures = new java.util.HashMap<>();
    private final int[] value = new int[1];
    private final int[] length = new int[1];

    /**
     * @param expectListening the socket table says LISTEN: SO_ACCEPTCONN must agree, otherwise the descriptor
     *                        number was reused for another socket since /proc was read and nothing is reported
     */
    Result read(int pid, int fd, Family family, boolean expectListening, boolean tcp) {
        int pidfd = pidfd(pid);
        if (pidfd < 0) {
            return new Result(null, pidFailures.get(pid));
        }
        long dup = LinuxLibc.syscall(LinuxLibc.SYS_pidfd_getfd, pidfd, fd, 0);
        if (dup < 0) {
            int errno = LinuxLibc.errno();
            return new Result(null, "pidfd_getfd " + Errno.name(errno) + switch (errno) {
                case Errno.EBADF -> " (socket closed meanwhile)";
                case Errno.EPERM -> " (needs ptrace rights over the owner: root or the same user)";
                case Errno.ENOSYS -> " (kernel older than 5.6)";
                default -> "";
            });
        }
        int copy = (int) dup;
        try {
            Boolean reuseAddress = flag(copy, LinuxLibc.SOL_SOCKET, LinuxLibc.SO_REUSEADDR);
            Boolean reusePort = flag(copy, LinuxLibc.SOL_SOCKET, LinuxLibc.SO_REUSEPORT);
            Boolean v6only = family == Family.IPV6 ? flag(copy, LinuxLibc.IPPROTO_IPV6, LinuxLibc.IPV6_V6ONLY) : null;
            if (tcp) {
                Boolean accepting = flag(copy, LinuxLibc.SOL_SOCKET, LinuxLibc.SO_ACCEPTCONN);
                if (accepting != null && accepting != expectListening) {
                    return new Result(null, "descriptor reused for another socket during the scan");
                }
            }
            if (reuseAddress == null && reusePort == null) {
                return new Result(null, "getsockopt " + Errno.name(LinuxLibc.errno()));
            }
            return new Result(new SocketOptions(reuseAddress, reusePort, null, v6only), null);
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
