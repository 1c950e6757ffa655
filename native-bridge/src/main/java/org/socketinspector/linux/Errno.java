package org.socketinspector.linux;

/** Names of the errno values the collector meets (include/uapi/asm-generic/errno-base.h, errno.h). */
final class Errno {
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int ESRCH = 3;
    static final int EBADF = 9;
    static final int EACCES = 13;
    static final int EINVAL = 22;
    static final int EMFILE = 24;
    static final int ENOSYS = 38;
    static final int ENOTSOCK = 88;
    static final int EPROTONOSUPPORT = 93;
    static final int EAGAIN = 11;

    private Errno() {
    }

    static String name(int errno) {
        return switch (errno) {
            case EPERM -> "EPERM";
            case ENOENT -> "ENOENT";
            case ESRCH -> "ESRCH";
            case EBADF -> "EBADF";
            case EAGAIN -> "EAGAIN";
            case EACCES -> "EACCES";
            case EINVAL -> "EINVAL";
            case EMFILE -> "EMFILE";
            case ENOSYS -> "ENOSYS";
            case ENOTSOCK -> "ENOTSOCK";
            case EPROTONOSUPPORT -> "EPROTONOSUPPORT";
            default -> "errno " + errno;
        };
    }
}
