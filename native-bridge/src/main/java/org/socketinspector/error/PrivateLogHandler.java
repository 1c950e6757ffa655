package org.socketinspector.error;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.ErrorManager;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;
import org.socketinspector.output.SafeFile;

/**
 * A java.util.logging handler (the backend of {@code System.Logger}) that writes one file, readable by its owner
 * only, and keeps it small: past {@code limit} bytes the file becomes {@code name.1} (older ones {@code name.2} …
 * up to {@code count - 1}) and a new one starts. JUL's own {@code FileHandler} cannot be used: it opens the path
 * with {@code FileOutputStream}, which follows a symlink planted there, and the file it makes after a rotation gets
 * the umask's mode (usually 0644), while the log may hold command lines with secrets in them.
 *
 * <p>On Linux every file is opened through {@link SafeFile#openAppend} (see there). Elsewhere every file is
 * opened with {@code NOFOLLOW_LINKS} and created 0600 (a file that exists with a wider mode is
 * narrowed); the folder is created 0700. Where the file system has no POSIX modes (Windows) the folder's ACL,
 * inherited from the user's profile, already keeps others out.
 */
public final class PrivateLogHandler extends StreamHandler {

    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path file;
    private final long limit;
    private final int count;
    private Counting out;

    /**
     * @param file  the log file, e.g. ~/.local/state/socket-inspector/socket-inspector.log
     * @param limit bytes after which the file is rotated (at least 1024)
     * @param count how many files to keep, the current one included (at least 1)
     * @throws IOException when the folder or file cannot be made, or a symlink stands at the file's path
     */
    public PrivateLogHandler(Path file, long limit, int count) throws IOException {
        if (limit < 1024 || count < 1) {
            throw new IllegalArgumentException("log limit " + limit + " bytes, count " + count);
        }
        this.file = file.toAbsolutePath();
        this.limit = limit;
        this.count = count;
        setFormatter(new LogLineFormatter());
        setEncoding(StandardCharsets.UTF_8.name());
        if (!SafeFile.NATIVE) {
            createFolder(this.file.getParent()); // on Linux SafeFile makes missing folders (0700) as it walks
        }
        open();
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        super.publish(record);
        flush(); // a crash right after the record must not lose it
        if (out != null && out.written >= limit) {
            rotate();
        }
    }

    private void rotate() {
        try {
            for (int i = count - 1; i >= 1; i--) {
                Path older = generation(i - 1);
                if (Files.exists(older, LinkOption.NOFOLLOW_LINKS)) {
                    // A move renames the link itself if one was planted; it never writes through it.
                    Files.move(older, generation(i), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (count == 1) {
                Files.deleteIfExists(file);
            }
            open();
        } catch (IOException e) {
            reportError("cannot rotate " + file + ": " + e.getMessage(), e, ErrorManager.OPEN_FAILURE);
        }
    }

    private Path generation(int i) {
        return i == 0 ? file : file.resolveSibling(file.getFileName() + "." + i);
    }

    /** Opens (appending) or creates the current file, never through a symlink; hands it to the StreamHandler. */
    private void open() throws IOException {
        if (SafeFile.NATIVE) {
            // Folder by folder without following others' links, never a FIFO, device or link at the name, never
            // blocking (issue 18, defect 4): a FIFO planted at the log's name once took a command line and hung the GUI.
            SafeFile.Appending opened;
            try {
                opened = SafeFile.openAppend(file);
            } catch (IOException e) {
                throw new IOException(file + ": cannot write the log (" + e.getMessage() + ")", e);
            }
            Counting counting = new Counting(opened.out(), opened.size());
            setOutputStream(counting); // closes the previous stream
            out = counting;
            return;
        }
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        FileAttribute<?>[] mode = POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)}
                : new FileAttribute<?>[0];
        if (Files.isSymbolicLink(file)) {
            throw new IOException(file + " is a symbolic link; not writing the log through it");
        }
        var channel = Files.newByteChannel(file, withNoFollow(options), mode);
        if (POSIX) {
            // CREATE's mode applies only to a new file; an older one may have been made with a wider mode.
            Files.setPosixFilePermissions(file, FILE_MODE);
        }
        long size = channel.size();
        Counting counting = new Counting(Channels.newOutputStream(channel), size);
        setOutputStream(counting); // closes the previous stream
        out = counting;
    }

    private static Set<java.nio.file.OpenOption> withNoFollow(Set<StandardOpenOption> options) {
        Set<java.nio.file.OpenOption> all = new java.util.HashSet<>(options);
        all.add(LinkOption.NOFOLLOW_LINKS);
        return all;
    }

    private static void createFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (POSIX) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER_MODE));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** Counts what reaches the file, for the size cap. */
    private static final class Counting extends FilterOutputStream {
        long written;

        Counting(OutputStream out, long written) {
            super(out);
            this.written = written;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            written++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            written += len;
        }
    }
}
