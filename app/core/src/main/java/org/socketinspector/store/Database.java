package org.socketinspector.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One connection to the history file, opened so that a crash or a second writer cannot hurt it: WAL journal (readers
 * never block the writer, a kill -9 loses at most the transaction in flight), foreign keys on, a busy timeout, and
 * every write in a short {@code BEGIN IMMEDIATE} transaction (takes the write lock up front, so two processes queue on
 * the busy timeout instead of failing with "database is locked" when a read would have to become a write).
 *
 * <p>Opening reads the schema version before changing anything: a newer or corrupt file is refused and left exactly
 * as it was; an older one is upgraded in one transaction.
 */
final class Database implements AutoCloseable {

    static final int BUSY_TIMEOUT_MILLIS = 15_000;

    /** SQLite primary result codes (sqlite3.h). */
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_IOERR = 10;

    /** Work done inside one write transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final List<String> notices = new ArrayList<>();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating or upgrading) the file. {@code ownFolder}: the folder is this program's own (the default
     * location), so a 0755 one made by an older version is made private; a folder the user chose is left alone.
     */
    static Database open(Path file) {
        return open(file, false);
    }

    static Database open(Path file, boolean ownFolder) {
        List<String> notices = new ArrayList<>();
        Path absolute = HistoryPath.supported() ? HistoryPath.prepare(file, true, ownFolder, notices)
                : prepareFile(file.toAbsolutePath().normalize(), ownFolder, notices);
        requireDatabaseFile(absolute);
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + absolute);
        } catch (SQLException e) {
            throw new StoreException("cannot open history database " + absolute + ": " + e.getMessage(), e);
        }
        Database db = new Database(absolute, connection);
        db.notices.addAll(notices);
        try {
            db.start();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Opens an existing file for reading only (a read-only file, folder or file system, or a full disk): no WAL
     * switch, no upgrade, every write refused by SQLite. When not even the WAL index can be made beside it, the
     * file is read as immutable (nothing else may be writing it then, since nobody can).
     */
    static Database openReadOnly(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (HistoryPath.supported()) {
            absolute = HistoryPath.prepare(file, false, false, new ArrayList<>());
        } else if (!Files.isRegularFile(absolute)) {
            throw new StoreException("history database " + absolute + " does not exist");
        }
        requireDatabaseFile(absolute);
        SQLException first = null;
        for (String url : new String[] {"jdbc:sqlite:file:" + absolute + "?mode=ro",
                "jdbc:sqlite:file:" + absolute + "?immutable=1"}) {
            Connection connection = null;
            try {
                org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
                config.setReadOnly(true);
                config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
                connection = DriverManager.getConnection(url, config.toProperties());
                Database db = new Database(absolute, connection);
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
                }
                int version = db.readVersion();
                if (version != Migrations.LATEST) {
                    db.close();
                    throw new StoreException("history database " + absolute + " has schema version " + version
                            + " and can only be read (" + (version > Migrations.LATEST ? "it is newer than this"
                            + " Socket Inspector understands" : "open it once where it can be written to upgrade it")
                            + ")");
                }
                return db;
            } catch (SQLException e) {
                first = first == null ? e : first;
                closeQuietly(connection);
            }
        }
        throw new Database(absolute, null).translate(first, "read-only open");
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing was opened that needs more
            }
        }
    }

    Path file() {
        return file;
    }

    /** What opening changed that the user should hear about (one line each), e.g. a folder made private. */
    List<String> notices() {
        return List.copyOf(notices);
    }

    /** The header every SQLite database file starts with (sqlite.org/fileformat.html, 1.3). */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /**
     * Windows (no POSIX owners, see {@link HistoryPath} for every other system): makes sure the file is one we may
     * open and create: never through a dangling symbolic link (SQLite would
     * create the link's target, wherever another user pointed it), a link only when owned by us or root (as every
     * output), never over a file that is not a database; a new folder is 0700 and a new file 0600 (it holds full
     * command lines; SQLite gives its -wal and -shm files the database file's mode).
     */
    private static Path prepareFile(Path file, boolean ownFolder, List<String> notices) {
        if (Files.isDirectory(file)) {
            throw new StoreException("history database " + file + " is a directory, not a file");
        }
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            throw new StoreException("history database " + file + " is a symbolic link to a file that does not exist;"
                    + " refusing to create the history through it");
        }
        Path real;
        try {
            real = org.socketinspector.output.OutputFile.resolve(file);
        } catch (IOException e) {
            throw new StoreException("history database " + e.getMessage(), e);
        }
        try {
            Path parent = real.getParent();
            if (Files.isDirectory(parent) && ownFolder) {
                makePrivate(parent, real).ifPresent(notices::add);
            } else if (!Files.isDirectory(parent)) {
                Files.createDirectories(parent.getParent());
                try {
                    Files.createDirectory(parent, PosixFilePermissions.asFileAttribute(PRIVATE_FOLDER));
                } catch (UnsupportedOperationException e) {
                    Files.createDirectory(parent); // Windows: the per-user profile folder is private already
                } catch (FileAlreadyExistsException e) {
                    // made by another process at the same moment
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of history database " + file + " ("
                    + org.socketinspector.output.OutputFile.reason(e) + ")", e);
        }
        if (!Files.exists(real)) {
            try {
                Files.newByteChannel(real, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(PRIVATE_FILE)).close();
            } catch (UnsupportedOperationException e) {
                // Windows: SQLite creates it in the private profile folder
            } catch (FileAlreadyExistsException e) {
                // another process created it first: checked below like any existing file
            } catch (IOException e) {
                throw new StoreException("cannot create history database " + file + " ("
                        + org.socketinspector.output.OutputFile.reason(e) + ")", e);
            }
        }
        return real;
    }

    /**
     * Versions before issue 14 made the history folder 0755 and the file 0644, so every local user could read the
     * command lines in it. When that folder (and file) belong to the running user, they are made 0700 and 0600 as
     * new ones are; returns the one line that says so. A folder of another user is not ours to change.
     */
    private static Optional<String> makePrivate(Path folder, Path file) {
        try {
            return tighten(folder, file);
        } catch (IOException e) {
            return Optional.empty(); // a read-only file system: nobody can add to it, reading goes on
        }
    }

    private static Optional<String> tighten(Path folder, Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(folder,
                PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null || Files.isSymbolicLink(folder)) {
            return Optional.empty(); // Windows: the profile folder is private already
        }
        PosixFileAttributes attributes = view.readAttributes();
        if (attributes.permissions().equals(PRIVATE_FOLDER) || !ownedByUs(attributes.owner(), folder)) {
            return Optional.empty();
        }
        String was = PosixFilePermissions.toString(attributes.permissions());
        view.setPermissions(PRIVATE_FOLDER);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            PosixFileAttributes fileAttributes = Files.readAttributes(file,
                    PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (ownedByUs(fileAttributes.owner(), folder)
                    && !Collections.disjoint(fileAttributes.permissions(), GROUP_OR_OTHERS)) {
                Files.setPosixFilePermissions(file, PRIVATE_FILE);
            }
        }
        return Optional.of("history folder " + folder + " was open to other users (" + was + "); made it"
                + " private (rwx------), as new history folders are");
    }

    /** The running user, as the file system names owners ({@code user.name} is the real user's passwd name). */
    private static boolean ownedByUs(UserPrincipal owner, Path anywhere) {
        try {
            return owner.equals(anywhere.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name")));
        } catch (IOException | UnsupportedOperationException e) {
            return false; // cannot tell: leave it as it is
        }
    }

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.complementOf(
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));

    private static final Set<PosixFilePermission> PRIVATE_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

    /** An empty file (new) or one that starts with SQLite's header; anything else is left untouched. */
    private static void requireDatabaseFile(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new StoreException("history database " + file + " is not a regular file; refusing to use it");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_HEADER.length);
            if (head.length > 0 && !Arrays.equals(head, SQLITE_HEADER)) {
                throw new StoreException("history database " + file + " is not a SQLite database; it was left"
                        + " untouched. Move it away to start a new history, or use --db");
            }
        } catch (IOException e) {
            throw new StoreException("cannot read history database " + file + " ("
                    + org.socketinspector.output.OutputFile.reason(e) + ")", e);
        }
    }

    private void start() {
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
                s.execute("PRAGMA foreign_keys = ON");
            }
            int version = readVersion();
            if (version > Migrations.LATEST) {
                throw new StoreException("history database " + file + " has schema version " + version
                        + ", newer than this Socket Inspector understands (" + Migrations.LATEST
                        + "); it was left untouched. Use a newer Socket Inspector, or --db to choose another file");
            }
            enableWal();
            if (version < Migrations.LATEST) {
                migrate();
            }
        } catch (SQLException e) {
            throw translate(e, "open");
        }
    }

    /** Reads user_version and parses the schema: the first reads that fail on a file that is not a sound database. */
    private int readVersion() throws SQLException {
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                rs.next();
            }
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Switching to WAL needs a moment alone with the file; a second process starting at the same time may hold it. */
    private void enableWal() throws SQLException {
        long deadline = System.nanoTime() + BUSY_TIMEOUT_MILLIS * 1_000_000L;
        while (true) {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                rs.next();
                String mode = rs.getString(1);
                if (!"wal".equalsIgnoreCase(mode)) {
                    throw new StoreException("history database " + file + " could not switch to WAL journal mode (got "
                            + mode + ")");
                }
                return;
            } catch (SQLException e) {
                if (!isBusy(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                sleepBriefly();
            }
        }
    }

    private void migrate() {
        inWriteTransaction(c -> {
            int version = readVersion(); // another process may have migrated while we waited for the lock
            for (int next = version + 1; next <= Migrations.LATEST; next++) {
                Migrations.STEPS.get(next - 1).apply(c);
            }
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA user_version = " + Migrations.LATEST);
            }
            return null;
        }, "upgrade");
    }

    /** Runs {@code work} in one BEGIN IMMEDIATE transaction: all of it is committed, or none of it. */
    synchronized <T> T inWriteTransaction(Work<T> work, String what) {
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
            T result;
            try {
                result = work.run(connection);
                try (Statement s = connection.createStatement()) {
                    s.execute("COMMIT");
                }
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                throw e;
            }
            return result;
        } catch (SQLException e) {
            throw translate(e, what);
        }
    }

    /** Runs a read; each statement sees one consistent snapshot of the file. */
    synchronized <T> T read(Work<T> work, String what) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(e, what);
        }
    }

    private void rollbackQuietly(Exception cause) {
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    StoreException translate(SQLException e, String what) {
        int primary = e.getErrorCode() & 0xff;
        if (primary == SQLITE_FULL || (primary == SQLITE_IOERR && diskFull())) {
            return new StoreException("history database " + file + ": " + what + " failed: the disk is full (nothing"
                    + " was stored; the history as it was can still be read)", e);
        }
        if (primary == SQLITE_READONLY) {
            return new StoreException("history database " + file + " can only be read here (" + what + " needs to"
                    + " write); 'history list' and 'history show' still work", e);
        }
        if (primary == SQLITE_CANTOPEN) {
            return new StoreException("history database " + file + ": cannot open it (" + e.getMessage()
                    .replaceFirst("^\\[SQLITE_CANTOPEN\\]\\s*", "") + ")", e);
        }
        if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
            return new StoreException("history database " + file + " is corrupt or not a SQLite database ("
                    + e.getMessage() + "); it was left untouched. Move it away to start a new history, or use --db", e);
        }
        return new StoreException("history database " + file + ": " + what + " failed: " + e.getMessage(), e);
    }

    /** SQLite reports a full disk as SQLITE_FULL, or as an I/O error when it happens while growing the WAL index. */
    private boolean diskFull() {
        try {
            return Files.getFileStore(file).getUsableSpace() < 64 * 1024;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isBusy(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return primary == 5 || primary == 6; // SQLITE_BUSY, SQLITE_LOCKED
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the history database");
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("closing history database " + file + " failed: " + e.getMessage(), e);
        }
    }
}
