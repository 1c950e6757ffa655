package org.socketinspector.nativeio;

import java.util.Map;

/** errno numbers of Linux (asm-generic/errno-base.h, asm-generic/errno.h) to their names, for the calls we make. */
public final class Errno {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "EPERM"), Map.entry(2, "ENOENT"), Map.entry(4, "EINTR"), Map.entry(9, "EBADF"),
            Map.entry(11, "EAGAIN"), Map.entry(12, "ENOMEM"), Map.entry(13, "EACCES"), Map.entry(14, "EFAULT"),
            Map.entry(22, "EINVAL"), Map.entry(24, "EMFILE"), Map.entry(88, "ENOTSOCK"),
            Map.entry(92, "ENOPROTOOPT"), Map.entry(93, "EPROTONOSUPPORT"), Map.entry(95, "EOPNOTSUPP"),
            Map.entry(97, "EAFNOSUPPORT"), Map.entry(98, "EADDRINUSE"), Map.entry(99, "EADDRNOTAVAIL"),
            Map.entry(101, "ENETUNREACH"), Map.entry(104, "ECONNRESET"), Map.entry(106, "EISCONN"),
            Map.entry(107, "ENOTCONN"), Map.entry(110, "ETIMEDOUT"), Map.entry(111, "ECONNREFUSED"),
            Map.entry(113, "EHOSTUNREACH"), Map.entry(115, "EINPROGRESS"));

    private Errno() {
    }

    /** The symbolic name, or "errno N" for a number outside the table. */
    public static String name(int errno) {
        return NAMES.getOrDefault(errno, "errno " + errno);
    }
}
