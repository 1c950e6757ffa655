package org.socketinspector.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;

/**
 * The schema's history, append-only: step n takes a database from {@code user_version} n-1 to n. A released step is
 * never edited; a change is a new step. {@link Database} runs the missing steps in one write transaction at start.
 */
final class Migrations {

    /** One schema change; runs inside the migration transaction. */
    interface Step {
        void apply(Connection connection) throws SQLException;
    }

    static final List<Step> STEPS = List.of(Migrations::v1Runs, Migrations::v2SnapshotCounts);

    static final int LATEST = STEPS.size();

    private Migrations() {
    }

    /**
     * Version 1: one table for experiments and snapshots (one numbering, one listing, one page query), the columns a
     * listing shows or filters on, and the full record as JSON. Times are epoch milliseconds so that they sort.
     */
    private static void v1Runs(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("""
                    CREATE TABLE runs (
                      id           INTEGER PRIMARY KEY AUTOINCREMENT,
                      type         TEXT    NOT NULL CHECK (type IN ('experiment', 'snapshot')),
                      kind         TEXT    NOT NULL,
                      title        TEXT    NOT NULL,
                      started_at   INTEGER NOT NULL,
                      ended_at     INTEGER,
                      host         TEXT,
                      tool_version TEXT,
                      agrees       INTEGER CHECK (agrees IN (0, 1)),
                      outcome      TEXT,
                      json         TEXT    NOT NULL CHECK (json_valid(json))
                    )""");
            // Each index ends in started_at so that a filtered page comes out of the index already newest first.
            s.executeUpdate("CREATE INDEX runs_started ON runs (started_at)");
            s.executeUpdate("CREATE INDEX runs_type_started ON runs (type, started_at)");
            s.executeUpdate("CREATE INDEX runs_kind_started ON runs (kind, started_at)");
            s.executeUpdate("CREATE INDEX runs_host_started ON runs (host, started_at)");
            s.executeUpdate("CREATE INDEX runs_agrees_started ON runs (agrees, started_at)");
        }
    }

    /** Version 2: listener and finding counts of snapshots as columns, filled in for the snapshots already stored. */
    private static void v2SnapshotCounts(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("ALTER TABLE runs ADD COLUMN listeners INTEGER");
            s.executeUpdate("ALTER TABLE runs ADD COLUMN findings INTEGER");
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT id, json FROM runs WHERE type = 'snapshot'");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE runs SET listeners = ?, findings = ? WHERE id = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Audit audit = readAudit(rows.getString(2), rows.getLong(1));
                update.setLong(1, listeners(audit));
                update.setLong(2, audit.findings().size());
                update.setLong(3, rows.getLong(1));
                update.executeUpdate();
            }
        }
    }

    static long listeners(Audit audit) {
        return audit.scan().sockets().stream().filter(SocketRecord::isListening).count();
    }

    private static Audit readAudit(String json, long id) throws SQLException {
        try {
            return ScanJson.read(json);
        } catch (ScanJson.InvalidJsonException e) {
            throw new SQLException("snapshot S" + id + " is not an audit document: " + e.getMessage(), e);
        }
    }
}
