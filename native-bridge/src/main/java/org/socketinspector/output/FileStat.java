package org.socketinspector.output;

import com.sun.jna.Memory;

/** What statx(2) says of one file, read from a descriptor (or a name relative to one) and never by path. */
record FileStat(int mode, int uid, int gid, long size, long modifiedSeconds, long inode) {

    private static final int STRUCT_STATX = 256;

    /** statx of the file the descriptor refers to (a link itself for an O_PATH|O_NOFOLLOW descriptor). */
    static FileStat of(int fd) {
        return at(fd, new byte[] {0}, LinuxFiles.AT_EMPTY_PATH | LinuxFiles.AT_SYMLINK_NOFOLLOW);
    }

    /** statx of {@code name} in the folder {@code dirfd}, not following a link there. */
    static FileStat at(int dirfd, byte[] name) {
        return at(dirfd, name, LinuxFiles.AT_SYMLINK_NOFOLLOW);
    }

    private static FileStat at(int dirfd, byte[] name, int flags) {
        Memory buf = new Memory(STRUCT_STATX);
        buf.clear();
        LinuxFiles.INSTANCE.statx(dirfd, name, flags, LinuxFiles.STATX_BASIC_STATS, buf);
        // struct statx (include/uapi/linux/stat.h): uid @20, gid @24, mode @28 (u16), ino @32, size @40,
        // mtime.tv_sec @112
        return new FileStat(buf.getShort(28) & 0xffff, buf.getInt(20), buf.getInt(24), buf.getLong(40),
                buf.getLong(112), buf.getLong(32));
    }

    int type() {
        return mode & LinuxFiles.S_IFMT;
    }

    boolean isDirectory() {
        return type() == LinuxFiles.S_IFDIR;
    }

    boolean isRegular() {
        return type() == LinuxFiles.S_IFREG;
    }

    boolean isLink() {
        return type() == LinuxFiles.S_IFLNK;
    }

    boolean sticky() {
        return (mode & LinuxFiles.S_ISVTX) != 0;
    }

    int permissions() {
        return mode & 0777;
    }

    /** "FIFO", "block device", …: for messages. */
    String kind() {
        return switch (type()) {
            case LinuxFiles.S_IFDIR -> "folder";
            case LinuxFiles.S_IFREG -> "regular file";
            case LinuxFiles.S_IFLNK -> "symbolic link";
            case LinuxFiles.S_IFIFO -> "FIFO";
            case LinuxFiles.S_IFCHR -> "character device";
            case LinuxFiles.S_IFBLK -> "block device";
            case LinuxFiles.S_IFSOCK -> "socket";
            default -> "special file";
        };
    }

    /** rwxr-xr-x style, with t/T for the sticky bit, for messages. */
    String permissionText() {
        StringBuilder s = new StringBuilder(9);
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            s.append((mode & (0400 >> i)) != 0 ? letters.charAt(i) : '-');
        }
        if (sticky()) {
            s.setCharAt(8, s.charAt(8) == 'x' ? 't' : 'T');
        }
        return s.toString();
    }
}
