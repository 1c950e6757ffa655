package org.socketinspector.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The one way this program writes a file the user named (reports, exports, baselines): the content goes to a new
 * temporary file beside the target, which is then renamed over it, so that a failed write (full disk, killed
 * process) leaves the previous file as it was and never a truncated one; an existing target keeps its mode.
 *
 * <p>On Linux the work is {@link SafeFile}'s: every component opened relative to a folder descriptor, links
 * followed only when ours or root's, no folder another user can write, a 0600 {@code O_EXCL} temporary file given
 * its mode with fchmod and renamed in the same folder descriptor, removed on SIGINT/SIGTERM.
 *
 * <p>Elsewhere (Windows, macOS) the JDK path below: a symbolic link at the target is followed only when it is
 * owned by the user running this program or by root (the kernel's {@code fs.protected_symlinks} rule), the
 * temporary file is created exclusively and its mode set by path before it is filled. It checks only the last
 * component and sets the mode by name, which is why Linux does not use it; on Windows the profile folders'
 * ACLs keep other users out of where reports usually go. A target that is a device or FIFO is written in place
 * (there is nothing to rename) and gets no sibling files.
 */
public final class OutputFile {

    /** Writes the content; the stream is closed by {@link OutputFile}. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final int MAX_LINKS = 40; // as the kernel's ELOOP limit
    private static final SecureRandom RANDOM = new SecureRandom();

    private OutputFile() {
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes the file atomically (see the class comment); errors name the file and the reason. */
    public static void write(Path target, Content content) throws IOException {
        if (SafeFile.NATIVE) {
            try {
                SafeFile.write(target, content);
            } catch (IOException e) {
                throw failure(target, e);
            }
            return;
        }
        writeWithJdk(target, content);
    }

    private static void writeWithJdk(Path target, Content content) throws IOException {
        Path file = isSpecial(target) ? target : resolve(target);
        if (isSpecial(file)) {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            } catch (IOException e) {
                throw failure(target, e);
            }
            return;
        }
        if (Files.isDirectory(file)) {
            throw new IOException(target + ": is a directory");
        }
        Path temp = null;
        try {
            temp = createTemp(file);
            try (OutputStream out = Channels.newOutputStream(Files.newByteChannel(temp, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS))) {
                content.writeTo(out);
            }
            keepMode(file, temp);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw failure(target, e);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * True for a target that is not a regular file to be replaced: under {@code /dev}, or an existing device, FIFO
     * or socket. Such a target is written in place and must not get sibling files.
     */
    public static boolean isSpecial(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.startsWith("/dev/") || absolute.startsWith("/proc/")) {
            return true;
        }
        return Files.exists(absolute) && !Files.isRegularFile(absolute) && !Files.isDirectory(absolute);
    }

    /**
     * The file a write to {@code target} goes to: the target itself, or where the symbolic links at it lead when
     * each is owned by this program's user or root. Any other link is refused, naming it and its owner.
     */
    public static Path resolve(Path target) throws IOException {
        Path path = target.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(path); hops++) {
            if (hops == MAX_LINKS) {
                throw new IOException(target + ": too many levels of symbolic links");
            }
            Integer owner = owner(path);
            Integer self = self(path.getParent());
            if (owner != null && self != null && owner != 0 && !owner.equals(self)) {
                throw new IOException(target + ": refusing to write through a symbolic link owned by another user"
                        + " (uid " + owner + ", " + path + " -> " + Files.readSymbolicLink(path) + "); remove it or"
                        + " choose another file");
            }
            Path next = Files.readSymbolicLink(path);
            path = path.getParent().resolve(next).toAbsolutePath().normalize();
        }
        return path;
    }

    /** The link's owner, or null where the file system has no uids (Windows). */
    private static Integer owner(Path path) throws IOException {
        try {
            return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The uid this process creates files as: geteuid on Linux, elsewhere the owner of a file it just made (no
     * native call needed there; on Linux the probe file's name would show up in errors about odd folders).
     */
    private static Integer self(Path dir) throws IOException {
        if (SafeFile.NATIVE) {
            return SafeFile.euid();
        }
        Path probe = null;
        try {
            probe = Files.createTempFile(dir == null ? Path.of(System.getProperty("java.io.tmpdir")) : dir,
                    ".socket-inspector-", ".uid");
            return owner(probe);
        } catch (AccessDeniedException e) {
            Path tmp = Files.createTempFile(".socket-inspector-", ".uid");
            try {
                return owner(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } finally {
            if (probe != null) {
                Files.deleteIfExists(probe);
            }
        }
    }

    /** A new file beside the target, created exclusively (never through a link someone placed at its name). */
    private static Path createTemp(Path file) throws IOException {
        Path dir = file.getParent();
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(RANDOM.nextLong() >>> 1) + ".tmp");
            try {
                Files.newByteChannel(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS), privateMode(dir)).close();
                return temp;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** 0600 from the start where the file system has modes: the content must never be readable by others. */
    private static java.nio.file.attribute.FileAttribute<?>[] privateMode(Path dir) {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new java.nio.file.attribute.FileAttribute<?>[] {
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))};
        }
        return new java.nio.file.attribute.FileAttribute<?>[0];
    }

    private static void keepMode(Path file, Path temp) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) {
            Set<PosixFilePermission> mode = view.readAttributes().permissions();
            Files.setPosixFilePermissions(temp, mode);
        }
    }

    /** "report.html: cannot write (No space left on device)": the file and the reason, without Java's words. */
    static IOException failure(Path target, IOException e) {
        return new IOException(target + ": cannot write (" + reason(e) + ")", e);
    }

    /** The reason of an I/O error in plain words: the OS's text when there is one. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "input/output error" : message;
    }
}
