package org.socketinspector.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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

    /** Work done inside one write transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection connection;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    static Database open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        prepareFolder(absolute);
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + absolute);
        } catch (SQLException e) {
            throw new StoreException("cannot open history database " + absolute + ": " + e.getMessage(), e);
        }
        Database db = new Database(absolute, connection);
        try {
            db.start();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    Path file() {
        return file;
    }

    private static void prepareFolder(Path file) {
        if (Files.isDirectory(file)) {
            throw new StoreException("history database " + file + " is a directory, not a file");
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of history database " + file + ": " + e, e);
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
        if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
            return new StoreException("history database " + file + " is corrupt or not a SQLite database ("
                    + e.getMessage() + "); it was left untouched. Move it away to start a new history, or use --db", e);
        }
        return new StoreException("history database " + file + ": " + what + " failed: " + e.getMessage(), e);
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
