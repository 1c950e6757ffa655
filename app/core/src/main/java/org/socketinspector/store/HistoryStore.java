package org.socketinspector.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socketinspector.history.HistoryId;
import org.socketinspector.history.RunSummary;
import org.socketinspector.history.StoredRun;
import org.socketinspector.history.RunType;
import org.socketinspector.json.Json;
import org.socketinspector.json.ScanJson;
import org.socketinspector.rules.Audit;

/**
 * The history of experiment runs and saved scan snapshots, in one SQLite file. Safe to share between threads (calls
 * are serialised) and between processes (the GUI and the CLI may write to the same file at once).
 *
 * <pre>
 * try (HistoryStore history = HistoryStore.open(path)) {
 *     HistoryId id = history.saveExperiment(entry);   // E12
 *     List&lt;RunSummary&gt; page = history.list(HistoryFilter.experiments().withKind("replay"), Page.FIRST);
 * }
 * </pre>
 */
public final class HistoryStore implements AutoCloseable {

    /** The schema version this build writes; see docs/history.md. */
    public static final int SCHEMA_VERSION = Migrations.LATEST;

    private static final String SUMMARY_COLUMNS =
            "id, type, kind, title, started_at, ended_at, host, tool_version, agrees, outcome";

    private final Database db;

    private HistoryStore(Database db) {
        this.db = db;
    }

    /**
     * Opens (creating or upgrading) the history file; refuses a newer or corrupt file without changing it. When the
     * file is in the default folder ({@link DatabaseLocation}), a folder an older version left open to other users is
     * made private ({@link #notices()} says so).
     */
    public static HistoryStore open(Path file) {
        return open(file, DatabaseLocation.isDefaultFolder(file.toAbsolutePath().normalize().getParent()));
    }

    static HistoryStore open(Path file, boolean ownFolder) {
        return new HistoryStore(Database.open(file, ownFolder));
    }

    /** What opening changed that the user should be told, one line each (e.g. the folder was made private). */
    public List<String> notices() {
        return db.notices();
    }

    /**
     * Opens the history for reading (list, show, diff, export): as {@link #open} when the file can be written,
     * else, or when that fails (full disk), read-only. A missing file is created as by {@link #open}.
     */
    public static HistoryStore openForReading(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        boolean exists = java.nio.file.Files.isRegularFile(absolute);
        if (exists && !(java.nio.file.Files.isWritable(absolute)
                && java.nio.file.Files.isWritable(absolute.getParent()))) {
            return new HistoryStore(Database.openReadOnly(absolute));
        }
        try {
            return open(file);
        } catch (StoreException e) {
            if (!exists) {
                throw e;
            }
            try {
                return new HistoryStore(Database.openReadOnly(absolute));
            } catch (StoreException readOnly) {
                e.addSuppressed(readOnly);
                throw e;
            }
        }
    }

    /** Opens the history file in this OS's usual place ({@link DatabaseLocation}). */
    public static HistoryStore openDefault() {
        return open(DatabaseLocation.defaultFile());
    }

    public Path file() {
        return db.file();
    }

    /** Stores one experiment run in one transaction; returns its id (E12). */
    public HistoryId saveExperiment(ExperimentEntry entry) {
        return saveExperiments(List.of(entry)).get(0);
    }

    /**
     * Stores many experiments in one transaction (all or none), e.g. the cells of a bind matrix kept as separate runs,
     * or an import. Returns their ids in order.
     */
    public List<HistoryId> saveExperiments(List<ExperimentEntry> entries) {
        entries.forEach(e -> requireJsonObject(e.json(), "experiment JSON of '" + e.title() + "'"));
        return db.inWriteTransaction(c -> {
            List<HistoryId> ids = new ArrayList<>();
            for (ExperimentEntry e : entries) {
                ids.add(HistoryId.experiment(insert(c, RunType.EXPERIMENT, e.kind(), e.title(), e.startedAt(),
                        e.endedAt(), e.host(), e.toolVersion(), e.agrees(), e.outcome(), null, null, e.json())));
            }
            return ids;
        }, "saving " + entries.size() + " experiments");
    }

    /** Stores a scan with its findings as a snapshot (the audit JSON contract); returns its id (S3). */
    public HistoryId saveSnapshot(Audit audit) {
        String json = compact(ScanJson.toTree(audit));
        long listeners = Migrations.listeners(audit);
        int findings = audit.findings().size();
        String host = audit.scan().host() == null ? null : audit.scan().host().name();
        String toolVersion = audit.scan().tool() == null ? null : audit.scan().tool().version();
        String title = "Scan of " + (host == null ? "unknown host" : host);
        String outcome = listeners + (listeners == 1 ? " listener, " : " listeners, ")
                + findings + (findings == 1 ? " finding" : " findings");
        long id = db.inWriteTransaction(c -> insert(c, RunType.SNAPSHOT, RunType.SNAPSHOT_KIND, title,
                audit.scan().collectedAt(), null, host, toolVersion, null, outcome, listeners, (long) findings, json),
                "saving a snapshot");
        return HistoryId.snapshot(id);
    }

    /** One page of runs matching {@code filter}, newest first (ties: highest id first). */
    /**
     * The experiments stored for one host (every host when null), newest first, each with its full record; at most
     * {@code max} of them, read a page at a time.
     */
    public List<StoredRun> experiments(String host, int max) {
        List<StoredRun> result = new ArrayList<>();
        HistoryFilter filter = HistoryFilter.experiments().withHost(host);
        for (int offset = 0; offset < max; offset += Page.MAX_LIMIT) {
            List<RunSummary> page = list(filter, new Page(Math.min(Page.MAX_LIMIT, max - offset), offset));
            for (RunSummary run : page) {
                json(run.id()).ifPresent(json -> result.add(new StoredRun(run, json)));
            }
            if (page.size() < Page.MAX_LIMIT) {
                break;
            }
        }
        return result;
    }

    public List<RunSummary> list(HistoryFilter filter, Page page) {
        Query where = where(filter);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(listSql(where))) {
                int next = where.bind(ps);
                ps.setInt(next, page.limit());
                ps.setInt(next + 1, page.offset());
                List<RunSummary> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(summary(rs));
                    }
                }
                return rows;
            }
        }, "listing the history");
    }

    /** How many runs match {@code filter}: the number of rows {@link #list} can page through. */
    public long count(HistoryFilter filter) {
        Query where = where(filter);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM runs" + where.sql)) {
                where.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }, "counting the history");
    }

    public Optional<RunSummary> summary(HistoryId id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + SUMMARY_COLUMNS + " FROM runs WHERE id = ? AND type = ?")) {
                ps.setLong(1, id.number());
                ps.setString(2, id.type().column());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(summary(rs)) : Optional.empty();
                }
            }
        }, "reading " + id);
    }

    /** The stored JSON of a run, exactly as saved (an experiment record, or an audit document for a snapshot). */
    public Optional<String> json(HistoryId id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT json FROM runs WHERE id = ? AND type = ?")) {
                ps.setLong(1, id.number());
                ps.setString(2, id.type().column());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        }, "reading " + id);
    }

    /** The experiment as it was saved (times to the millisecond); empty when there is no experiment with that id. */
    public Optional<ExperimentEntry> experiment(HistoryId id) {
        if (id.type() != RunType.EXPERIMENT) {
            return Optional.empty();
        }
        return summary(id).flatMap(s -> json(id).map(json -> new ExperimentEntry(s.kind(), s.title(), s.startedAt(),
                s.endedAt(), s.host(), s.toolVersion(), s.agrees(), s.outcome(), json)));
    }

    /** The snapshot's scan and findings; empty when there is no snapshot with that id. */
    public Optional<Audit> snapshot(HistoryId id) {
        if (id.type() != RunType.SNAPSHOT) {
            return Optional.empty();
        }
        return json(id).map(json -> {
            try {
                return ScanJson.read(json);
            } catch (ScanJson.InvalidJsonException e) {
                throw new StoreException("history database " + file() + ": snapshot " + id
                        + " is not a readable audit document: " + e.getMessage(), e);
            }
        });
    }

    /** Deletes one run; false when there is no run with that id and type. */
    public boolean delete(HistoryId id) {
        return db.inWriteTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM runs WHERE id = ? AND type = ?")) {
                ps.setLong(1, id.number());
                ps.setString(2, id.type().column());
                return ps.executeUpdate() == 1;
            }
        }, "deleting " + id);
    }

    @Override
    public void close() {
        db.close();
    }

    private static long insert(Connection c, RunType type, String kind, String title, Instant startedAt,
                               Instant endedAt, String host, String toolVersion, Boolean agrees, String outcome,
                               Long listeners, Long findings, String json) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO runs (type, kind, title, started_at, ended_at, host, tool_version, agrees, outcome,
                                  listeners, findings, json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            ps.setString(1, type.column());
            ps.setString(2, kind);
            ps.setString(3, title);
            ps.setLong(4, startedAt.toEpochMilli());
            setNullable(ps, 5, endedAt == null ? null : endedAt.toEpochMilli());
            ps.setString(6, host);
            ps.setString(7, toolVersion);
            setNullable(ps, 8, agrees == null ? null : agrees ? 1L : 0L);
            ps.setString(9, outcome);
            setNullable(ps, 10, listeners);
            setNullable(ps, 11, findings);
            ps.setString(12, json);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void setNullable(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    private static RunSummary summary(ResultSet rs) throws SQLException {
        RunType type = RunType.ofColumn(rs.getString("type"));
        long endedAt = rs.getLong("ended_at");
        Instant ended = rs.wasNull() ? null : Instant.ofEpochMilli(endedAt);
        int agrees = rs.getInt("agrees");
        Boolean agreement = rs.wasNull() ? null : agrees == 1;
        return new RunSummary(new HistoryId(type, rs.getLong("id")), rs.getString("kind"), rs.getString("title"),
                Instant.ofEpochMilli(rs.getLong("started_at")), ended, rs.getString("host"),
                rs.getString("tool_version"), agreement, rs.getString("outcome"));
    }

    /** A WHERE clause of equality tests on indexed columns, and its parameters in order. */
    private record Query(String sql, List<Object> parameters) {
        int bind(PreparedStatement ps) throws SQLException {
            int index = 1;
            for (Object p : parameters) {
                ps.setObject(index++, p);
            }
            return index;
        }
    }

    private static Query where(HistoryFilter filter) {
        List<String> tests = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (filter.type() != null) {
            tests.add("type = ?");
            parameters.add(filter.type().column());
        }
        if (filter.kind() != null) {
            tests.add("kind = ?");
            parameters.add(filter.kind());
        }
        if (filter.host() != null) {
            tests.add("host = ?");
            parameters.add(filter.host());
        }
        if (filter.agrees() != null) {
            tests.add("agrees = ?");
            parameters.add(filter.agrees() ? 1 : 0);
        }
        return new Query(tests.isEmpty() ? "" : " WHERE " + String.join(" AND ", tests), parameters);
    }

    private static String listSql(Query where) {
        return "SELECT " + SUMMARY_COLUMNS + " FROM runs" + where.sql
                + " ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?";
    }

    /** The query plan of exactly the SQL {@link #list} runs, for tests: shows which index a page comes from. */
    String explainList(HistoryFilter filter) {
        Query where = where(filter);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + listSql(where))) {
                int next = where.bind(ps);
                ps.setInt(next, 1);
                ps.setInt(next + 1, 0);
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString("detail")).append('\n');
                    }
                }
                return plan.toString();
            }
        }, "explaining a listing");
    }

    private static void requireJsonObject(String json, String what) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(what + " must be one JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String compact(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a snapshot as JSON", e);
        }
    }
}
