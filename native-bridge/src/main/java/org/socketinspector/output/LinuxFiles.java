package org.socketinspector.output;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.util.Locale;

/**
 * The libc file calls behind {@link org.socketinspector.output.SafeFile}: everything relative to a directory
 * descriptor, so that a path is resolved once, component by component, and never again by name. Paths are byte
 * arrays ending in NUL (Linux names are bytes). Kept beside SafeFile rather than in nativeio (the socket calls
 * LibC) because safe files are used by every layer, which may reach no native-bridge package above the model.
 */
public interface LinuxFiles extends Library {

    LinuxFiles INSTANCE = Native.load("c", LinuxFiles.class);

    // <fcntl.h>: the same on every Linux architecture
    int O_RDONLY = 0;
    int O_WRONLY = 1;
    int O_RDWR = 2;
    int O_CREAT = 0100;
    int O_EXCL = 0200;
    int O_NOCTTY = 0400;
    int O_APPEND = 02000;
    int O_NONBLOCK = 04000;
    int O_CLOEXEC = 02000000;
    int O_PATH = 010000000;
    // asm-generic/fcntl.h, except arm and arm64 (asm/fcntl.h there) which swap in other values
    boolean ARM = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT).startsWith("aarch64")
            || System.getProperty("os.arch", "").toLowerCase(Locale.ROOT).startsWith("arm");
    int O_DIRECTORY = ARM ? 040000 : 0200000;
    int O_NOFOLLOW = ARM ? 0100000 : 0400000;
    // <linux/fcntl.h>
    int AT_FDCWD = -100;
    int AT_SYMLINK_NOFOLLOW = 0x100;
    int AT_REMOVEDIR = 0x200;
    int AT_EMPTY_PATH = 0x1000;
    // <linux/stat.h>
    int STATX_BASIC_STATS = 0x7ff;
    int S_IFMT = 0170000;
    int S_IFDIR = 0040000;
    int S_IFREG = 0100000;
    int S_IFLNK = 0120000;
    int S_IFIFO = 0010000;
    int S_IFCHR = 0020000;
    int S_IFBLK = 0060000;
    int S_IFSOCK = 0140000;
    int S_ISVTX = 01000;
    // <asm-generic/errno-base.h>, <asm-generic/errno.h>
    int ENOENT = 2;
    int EINTR = 4;
    int ENXIO = 6;
    int EEXIST = 17;
    int ENOTDIR = 20;
    int ELOOP = 40;
    // <linux/magic.h>
    long PROC_SUPER_MAGIC = 0x9fa0;

    /** openat(2); mode matters only with O_CREAT. */
    int openat(int dirfd, byte[] path, int flags, int mode) throws LastErrorException;

    /** statx(2) into a 256-byte struct statx (its layout is the same on every architecture). */
    int statx(int dirfd, byte[] path, int flags, int mask, Pointer statx) throws LastErrorException;

    /** readlinkat(2): the link's text, not NUL-terminated; returns its length. */
    NativeLong readlinkat(int dirfd, byte[] path, byte[] buf, NativeLong size) throws LastErrorException;

    NativeLong write(int fd, byte[] buf, NativeLong count) throws LastErrorException;

    int fsync(int fd) throws LastErrorException;

    int fchmod(int fd, int mode) throws LastErrorException;

    int renameat(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath) throws LastErrorException;

    int unlinkat(int dirfd, byte[] path, int flags) throws LastErrorException;

    int mkdirat(int dirfd, byte[] path, int mode) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    /** fstatfs(2): the first field of struct statfs is f_type (a long on 64-bit Linux). */
    int fstatfs(int fd, Pointer statfs) throws LastErrorException;

    int geteuid();

    int getegid();
}
