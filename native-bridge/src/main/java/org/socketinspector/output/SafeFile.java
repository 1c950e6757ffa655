package org.socketinspector.output;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.CharBuffer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;

/**
 * The one safe way to write a file on Linux, usable by every layer (JDK and JNA's libc only): reports, exports,
 * baselines, the GUI log. The path is opened component by component from {@code /} (or the working folder), each
 * folder with {@code openat(dirfd, name, O_PATH|O_DIRECTORY|O_NOFOLLOW)}, so that nothing is ever resolved twice
 * by name and no link is followed unless this class decided to:
 * <ul>
 *   <li>a symbolic link (anywhere in the path) is followed only when it belongs to us or root and lies in a folder
 *       nobody else can change (or a sticky one): the kernel's {@code fs.protected_symlinks} rule, everywhere;</li>
 *   <li>the final folder must not be writable by another user, unless it is sticky and the final file is ours
 *       (or new): another user's folder is theirs to rearrange under us;</li>
 *   <li>the final name must be a regular file we own (or not exist). A FIFO, character device or socket is written
 *       in place only when it is ours or root's in such a folder ({@code /dev/null}, {@code /dev/tty}, a FIFO the
 *       user made), or when reached through one of our own descriptors ({@code /dev/stdout}, {@code /proc/self/fd/N}:
 *       the kernel opens what this process already holds). A block device is never written: there is no
 *       {@code /dev} exemption;</li>
 *   <li>the content goes to {@code .NAME.XXXXXXXXXXXXXXXX.tmp}, created {@code O_CREAT|O_EXCL|O_NOFOLLOW} 0600 in
 *       the folder's descriptor, then is fsync'ed, given its final mode with {@code fchmod} on its descriptor
 *       (an existing file's mode is read with statx on a descriptor) and renamed with {@code renameat} in the same
 *       folder descriptor. SIGINT/SIGTERM remove it ({@link LiveTempFiles}); stale ones are cleared
 *       ({@link StaleFiles}).</li>
 * </ul>
 * Linux only; {@link #NATIVE} says whether it applies (other systems keep the JDK path in {@link OutputFile}).
 */
public final class SafeFile {

    /** Whether this class is used: Linux (the flags and struct statx here are Linux's). */
    public static final boolean NATIVE = com.sun.jna.Platform.isLinux() && loads(); // JNA's answer: no os.name here

    static final int MAX_LINKS = 40; // as the kernel's ELOOP limit
    static final int DIR_FLAGS = LinuxFiles.O_PATH | LinuxFiles.O_DIRECTORY | LinuxFiles.O_NOFOLLOW
            | LinuxFiles.O_CLOEXEC;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final LinuxFiles C = NATIVE ? LinuxFiles.INSTANCE : null;

    private SafeFile() {
    }

    private static boolean loads() {
        try {
            return LinuxFiles.INSTANCE.geteuid() >= 0;
        } catch (Throwable e) { // no JNA native library: the JDK path
            return false;
        }
    }

    /** Writes {@code target} atomically (see the class comment); errors name the file and the reason. */
    public static void write(Path target, OutputFile.Content content) throws IOException {
        try (Located at = locate(target, false)) {
            if (at.inPlace()) {
                writeInPlace(at, content);
            } else {
                StaleFiles.clearBeside(at.dirfd(), at.name());
                replace(at.dirfd(), at.name(), at.existing(), content);
            }
        }
    }

    /**
     * Opens a private append-only file (the GUI log): created 0600, or an existing regular file of ours narrowed
     * to 0600; never a link, FIFO or device, and never blocking (O_NONBLOCK: a FIFO without reader fails at once,
     * one with a reader is refused after the open). Returns the stream and the size it had.
     */
    public static Appending openAppend(Path file) throws IOException {
        try (Located at = locate(file, true)) {
            int fd;
            try {
                fd = C.openat(at.dirfd(), at.name(), LinuxFiles.O_WRONLY | LinuxFiles.O_APPEND | LinuxFiles.O_CREAT
                        | LinuxFiles.O_NOFOLLOW | LinuxFiles.O_NONBLOCK | LinuxFiles.O_NOCTTY | LinuxFiles.O_CLOEXEC, 0600);
            } catch (LastErrorException e) {
                throw new IOException(e.getErrorCode() == LinuxFiles.ENXIO ? "is a FIFO; refusing to log into it"
                        : Errors.text(e));
            }
            try {
                FileStat s = FileStat.of(fd);
                if (!s.isRegular() || s.uid() != euid()) {
                    throw new IOException("is a " + s.kind() + " of uid " + s.uid()
                            + "; the log must be a regular file of its own");
                }
                C.fchmod(fd, 0600);
                return new Appending(new FdOutputStream(fd), s.size());
            } catch (LastErrorException e) {
                C.close(fd);
                throw new IOException(Errors.text(e));
            } catch (IOException | RuntimeException e) {
                C.close(fd);
                throw e;
            }
        }
    }

    /** An open log file and the bytes it held. */
    public record Appending(OutputStream out, long size) {
    }

    /**
     * Creates the temporary file in {@code dirfd}, writes, syncs, sets the mode through its descriptor and renames
     * it over {@code name} in the same folder descriptor. Package-private: the race test drives it directly in a
     * folder another user owns, which {@link #write} refuses before getting here.
     */
    static void replace(int dirfd, byte[] name, FileStat existing, OutputFile.Content content) throws IOException {
        int mode = existing != null && existing.isRegular() ? existing.permissions() : 0666 & ~Umask.get();
        byte[] temp = StaleFiles.tempName(name, HexFormat.of().toHexDigits(RANDOM.nextLong()));
        int fd = -1;
        for (int attempt = 0; fd < 0; attempt++) {
            try {
                fd = C.openat(dirfd, temp, LinuxFiles.O_CREAT | LinuxFiles.O_EXCL | LinuxFiles.O_NOFOLLOW
                        | LinuxFiles.O_WRONLY | LinuxFiles.O_CLOEXEC | LinuxFiles.O_NOCTTY, 0600);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LinuxFiles.EEXIST || attempt == 10) {
                    throw new IOException(Errors.text(e));
                }
                temp = StaleFiles.tempName(name, HexFormat.of().toHexDigits(RANDOM.nextLong()));
            }
        }
        long key;
        try {
            key = LiveTempFiles.register(dirfd, temp);
        } catch (IOException e) {
            C.close(fd);
            throw e;
        }
        boolean renamed = false;
        try {
            long inode;
            try (OutputStream out = new BufferedOutputStream(new FdOutputStream(fd), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                C.fsync(fd);
                C.fchmod(fd, mode); // through the descriptor: whatever now stands at the temporary name is untouched
                inode = FileStat.of(fd).inode();
            } // closes fd
            FileStat atName = statOrNull(dirfd, temp);
            if (atName == null || !atName.isRegular() || atName.inode() != inode) {
                throw new IOException("the temporary file " + shown(temp) + " was replaced by someone else; not"
                        + " written");
            }
            C.renameat(dirfd, temp, dirfd, name);
            renamed = true;
        } catch (LastErrorException e) {
            throw new IOException(Errors.text(e));
        } finally {
            if (!renamed) {
                unlink(dirfd, temp); // ours, or the link put in its place: removing a link never touches its target
            }
            LiveTempFiles.release(key);
        }
    }

    private static void writeInPlace(Located at, OutputFile.Content content) throws IOException {
        int fd;
        try {
            // Blocks on a FIFO without reader, as writing to a FIFO the user named always did.
            fd = C.openat(at.dirfd(), at.name(), LinuxFiles.O_WRONLY | LinuxFiles.O_NOCTTY | LinuxFiles.O_CLOEXEC
                    | (at.throughOwnDescriptor() ? 0 : LinuxFiles.O_NOFOLLOW), 0);
        } catch (LastErrorException e) {
            throw new IOException(Errors.text(e));
        }
        try (OutputStream out = new BufferedOutputStream(new FdOutputStream(fd), 1 << 16)) {
            FileStat s = FileStat.of(fd);
            if (s.type() == LinuxFiles.S_IFBLK || s.isDirectory()
                    || !at.throughOwnDescriptor() && s.type() != at.existing().type()) {
                throw new IOException("is a " + s.kind() + "; refusing to write to it");
            }
            content.writeTo(out);
        }
    }

    private static void unlink(int dirfd, byte[] name) {
        try {
            C.unlinkat(dirfd, name, 0);
        } catch (LastErrorException ignored) {
            // already gone
        }
    }

    static int euid() {
        return C.geteuid();
    }

    // ---- resolution -------------------------------------------------------------------------------------------

    /**
     * The folder a write to {@code target} goes to (open, O_PATH), the final name in it and what is there now,
     * after following the links this class allows. {@code forLog} also makes missing folders (0700) and refuses
     * any link at the final name (a log is appended to in place: there is no rename to make a link harmless).
     */
    static Located locate(Path target, boolean createFolders /* forLog */) throws IOException {
        byte[] path = bytes(target);
        Deque<byte[]> parts = split(path);
        if (parts.isEmpty()) {
            throw new IOException("is a directory");
        }
        int dir = openDir(LinuxFiles.AT_FDCWD, path[0] == '/' ? cstr("/") : cstr("."));
        int hops = 0;
        try {
            while (true) {
                byte[] part = parts.removeFirst();
                boolean last = parts.isEmpty();
                if (Arrays.equals(part, cstr("."))) {
                    if (last) {
                        throw new IOException("is a directory");
                    }
                    continue;
                }
                if (!last || Arrays.equals(part, cstr(".."))) {
                    int next = openComponent(dir, part);
                    if (next >= 0) {
                        C.close(dir);
                        dir = next;
                        if (last) {
                            throw new IOException("is a directory");
                        }
                        continue;
                    }
                }
                FileStat here = statOrNull(dir, part);
                if (here == null && !last) {
                    if (!createFolders) {
                        throw new IOException("no such file or folder");
                    }
                    requireSafeFolder(dir, null, part);
                    try {
                        C.mkdirat(dir, part, 0700);
                    } catch (LastErrorException e) {
                        if (e.getErrorCode() != LinuxFiles.EEXIST) {
                            throw new IOException(Errors.text(e));
                        }
                    }
                    parts.addFirst(part);
                    continue;
                }
                if (here != null && here.isLink()) {
                    if (last && createFolders) {
                        throw new IOException("is a symbolic link; not writing the log through it");
                    }
                    if (++hops > MAX_LINKS) {
                        throw new IOException("too many levels of symbolic links");
                    }
                    requireFollowable(dir, part, here);
                    if (last && onProc(dir)) {
                        // /proc/self/fd/N, /dev/stdout: the kernel opens what this process already holds
                        Located at = new Located(dir, part, here, true, true);
                        dir = -1; // owned by the result now
                        return at;
                    }
                    byte[] text = readLink(dir, part);
                    Deque<byte[]> more = split(text);
                    while (!more.isEmpty()) {
                        parts.addFirst(more.removeLast());
                    }
                    if (text.length > 0 && text[0] == '/') {
                        C.close(dir);
                        dir = -1;
                        dir = openDir(LinuxFiles.AT_FDCWD, cstr("/"));
                    }
                    if (parts.isEmpty()) {
                        throw new IOException("is a directory");
                    }
                    continue;
                }
                if (!last) {
                    throw new IOException("not a folder");
                }
                Located at = finalEntry(dir, part, here); // what is at the name first: the more telling refusal
                dir = -1; // owned by the result now
                try {
                    requireSafeFolder(at.dirfd(), here, part);
                } catch (IOException e) {
                    at.close();
                    throw e;
                }
                return at;
            }
        } catch (LastErrorException e) {
            throw new IOException(Errors.text(e));
        } finally {
            if (dir >= 0) {
                C.close(dir);
            }
        }
    }

    private static Located finalEntry(int dir, byte[] name, FileStat here) throws IOException {
        if (here == null) {
            return new Located(dir, name, null, false, false);
        }
        int us = euid();
        switch (here.type()) {
            case LinuxFiles.S_IFREG -> {
                if (here.uid() != us) {
                    throw new IOException("refusing to replace a file of another user (uid " + here.uid() + ")");
                }
                // the mode to keep, read through a descriptor of the file itself
                int fd = C.openat(dir, name, LinuxFiles.O_PATH | LinuxFiles.O_NOFOLLOW | LinuxFiles.O_CLOEXEC, 0);
                try {
                    FileStat s = FileStat.of(fd);
                    if (!s.isRegular() || s.uid() != us) {
                        throw new IOException("changed while being checked; not written");
                    }
                    return new Located(dir, name, s, false, false);
                } finally {
                    C.close(fd);
                }
            }
            case LinuxFiles.S_IFDIR -> throw new IOException("is a directory");
            case LinuxFiles.S_IFBLK -> throw new IOException("is a block device; refusing to write a report over it");
            default -> {
                // FIFO, character device, socket the user named: in place, if ours or root's (the folder was checked)
                if (here.uid() != us && here.uid() != 0) {
                    throw new IOException("is a " + here.kind() + " of another user (uid " + here.uid()
                            + "); refusing to write to it");
                }
                return new Located(dir, name, here, true, false);
            }
        }
    }

    /** The kernel's protected_symlinks rule, everywhere: a link of ours or root's, in a folder others cannot change. */
    private static void requireFollowable(int dir, byte[] name, FileStat link) throws IOException {
        int us = euid();
        if (link.uid() != us && link.uid() != 0) {
            throw new IOException("refusing to write through a symbolic link owned by another user (uid "
                    + link.uid() + ", " + shown(name) + " -> " + shown(readLink(dir, name)) + "); remove it or"
                    + " choose another file");
        }
        FileStat folder = FileStat.of(dir);
        if (othersCanWrite(folder) && !folder.sticky()) {
            throw new IOException("refusing to follow the symbolic link " + shown(name) + ": its folder can be"
                    + " changed by other users (" + folder.permissionText() + ")");
        }
    }

    /**
     * The final folder: ours or root's, and not writable by another user, unless sticky and the final file is
     * ours or new (there others can neither remove nor rename it).
     */
    private static void requireSafeFolder(int dir, FileStat entry, byte[] name) throws IOException {
        FileStat folder = FileStat.of(dir);
        int us = euid();
        if (folder.uid() != us && folder.uid() != 0) {
            throw new IOException("refusing to write in a folder of another user (uid " + folder.uid()
                    + "): they could swap the file under this program; choose a folder of your own");
        }
        if (othersCanWrite(folder)) {
            boolean ours = entry == null || entry.uid() == us;
            if (!folder.sticky() || !ours) {
                throw new IOException("refusing to write in a folder other users can write ("
                        + folder.permissionText() + (folder.sticky() ? ", and the file is not ours" : ", not sticky")
                        + "); choose a folder of your own");
            }
        }
    }

    /** Writable by others or by a group other than root's. */
    static boolean othersCanWrite(FileStat folder) {
        return (folder.mode() & 0002) != 0 || (folder.mode() & 0020) != 0 && folder.gid() != 0;
    }

    /** An O_PATH descriptor of the folder {@code name} in {@code dir}, or -1 when it is a link or not a folder. */
    private static int openComponent(int dir, byte[] name) throws IOException {
        try {
            return C.openat(dir, name, DIR_FLAGS, 0);
        } catch (LastErrorException e) {
            int errno = e.getErrorCode();
            if (errno == LinuxFiles.ELOOP || errno == LinuxFiles.ENOTDIR || errno == LinuxFiles.ENOENT) {
                return -1;
            }
            throw new IOException(Errors.text(e));
        }
    }

    private static int openDir(int dir, byte[] name) throws IOException {
        try {
            return C.openat(dir, name, DIR_FLAGS, 0);
        } catch (LastErrorException e) {
            throw new IOException(Errors.text(e));
        }
    }

    private static FileStat statOrNull(int dir, byte[] name) throws IOException {
        try {
            return FileStat.at(dir, name);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == LinuxFiles.ENOENT) {
                return null;
            }
            throw new IOException(Errors.text(e));
        }
    }

    private static byte[] readLink(int dir, byte[] name) throws IOException {
        byte[] buf = new byte[4097];
        try {
            int n = C.readlinkat(dir, name, buf, new NativeLong(buf.length - 1)).intValue();
            return Arrays.copyOf(buf, n);
        } catch (LastErrorException e) {
            throw new IOException(Errors.text(e));
        }
    }

    /** Whether the folder is in procfs, where links are the kernel's (magic links to open descriptors). */
    private static boolean onProc(int dir) {
        Memory statfs = new Memory(128);
        statfs.clear();
        C.fstatfs(dir, statfs);
        return statfs.getLong(0) == LinuxFiles.PROC_SUPER_MAGIC;
    }

    // ---- names --------------------------------------------------------------------------------------------------

    /** The path's bytes as the JVM gives them to the kernel (sun.jnu.encoding); refused if it cannot encode it. */
    static byte[] bytes(Path path) throws IOException {
        String text = path.toString();
        try {
            ByteBuffer b = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException | RuntimeException e) {
            throw new IOException("the name cannot be written in this system's file name encoding ("
                    + System.getProperty("sun.jnu.encoding") + ")");
        }
    }

    /** The components of a path, each NUL-terminated, without empty ones. */
    static Deque<byte[]> split(byte[] path) {
        Deque<byte[]> parts = new ArrayDeque<>();
        int start = 0;
        for (int i = 0; i <= path.length; i++) {
            if (i == path.length || path[i] == '/') {
                if (i > start) {
                    parts.addLast(Arrays.copyOf(Arrays.copyOfRange(path, start, i), i - start + 1));
                }
                start = i + 1;
            }
        }
        return parts;
    }

    static byte[] bytesWithNul(Path path) throws IOException {
        byte[] b = bytes(path);
        return Arrays.copyOf(b, b.length + 1);
    }

    static byte[] cstr(String ascii) {
        byte[] b = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return Arrays.copyOf(b, b.length + 1);
    }

    /** A NUL-terminated name for messages: printable ASCII as it is, any other byte as \xNN. */
    static String shown(byte[] name) {
        return FileNames.escape(name[name.length - 1] == 0 ? Arrays.copyOf(name, name.length - 1) : name);
    }

    /** Where a write goes: the open folder, the final name (NUL-terminated), what is there and how to write it. */
    record Located(int dirfd, byte[] name, FileStat existing, boolean inPlace, boolean throughOwnDescriptor)
            implements AutoCloseable {
        @Override
        public void close() {
            C.close(dirfd);
        }
    }
}
