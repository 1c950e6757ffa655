package org.socketinspector.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.history.RunSummary;
import org.socketinspector.json.Json;

/**
 * Real processes and real files: a writer killed with SIGKILL, and two writers at once. Where the writers are killed
 * comes from a seed that the test prints and names in its failures; {@code -Dcrash.seed=N} replays one.
 */
class CrashAndConcurrencyTest {

    /** The system property that replays a run's kill points. */
    static final String SEED_PROPERTY = "crash.seed";

    /** Timeline events per experiment: about 75 KB of JSON, so that writing fills most of a writer's time. */
    private static final int EVENTS = 1_000;

    @TempDir
    Path dir;

    @Test
    void writersKilledMidWayLeaveASoundDatabaseWithEveryCommittedRunComplete() throws Exception {
        long seed = seed();
        System.out.println("CrashAndConcurrencyTest kill points: -D" + SEED_PROPERTY + "=" + seed);
        Random random = new Random(seed);
        Path db = dir.resolve("history.db");
        List<String> committed = new ArrayList<>();
        // Three writers in turn on one file, each killed: the next one opens what the last one left (a hot WAL).
        for (int round = 0; round < 3; round++) {
            int killAfter = 40 + random.nextInt(40);
            committed.addAll(writeUntilKilled(db, dir.resolve("writer" + round + ".err"), killAfter, seed));
            assertSoundAndComplete(db, committed, seed);
        }
    }

    /** The seed given with -Dcrash.seed, else a new one. */
    static long seed() {
        String given = System.getProperty(SEED_PROPERTY);
        return given == null || given.isBlank() ? ThreadLocalRandom.current().nextLong() : Long.parseLong(given.strip());
    }

    /**
     * Starts a writer, lets it commit {@code killAfter} (40 to 80) runs, kills it with SIGKILL, and returns every run
     * it reported.
     */
    private static List<String> writeUntilKilled(Path db, Path stderr, int killAfter, long seed) throws Exception {
        List<String> committed = new ArrayList<>();
        try (ChildJvm writer = ChildJvm.writer(db, 5_000, "crash", EVENTS, stderr)) {
            // Kill at a chosen moment after some commits; writes of 75 KB fill most of its time, so the kill
            // usually lands inside one. Where a commit ends still varies with the machine's load.
            while (committed.size() < killAfter) {
                String line = writer.readLine();
                if (line == null) {
                    break;
                }
                committed.add(line.substring("committed ".length()));
            }
            assertThat(committed).as("seed %d, writer stderr: %s", seed, Files.readString(stderr))
                    .hasSizeGreaterThanOrEqualTo(40);
            writer.kill9();
            // Lines it printed before dying are still in the pipe: those commits must have survived too.
            for (String line : writer.readAll()) {
                committed.add(line.substring("committed ".length()));
            }
        }
        return committed;
    }

    private static void assertSoundAndComplete(Path db, List<String> committed, long seed) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).as("integrity, seed %d", seed).isEqualTo("ok");
            }
        }
        try (HistoryStore history = HistoryStore.open(db)) {
            Set<String> stored = new HashSet<>();
            long rows = history.count(HistoryFilter.ALL);
            for (Page page = new Page(100, 0); page.offset() < rows; page = page.next()) {
                for (RunSummary run : history.list(HistoryFilter.ALL, page)) {
                    stored.add(run.id().toString());
                    assertComplete(history.json(run.id()).orElseThrow(), run);
                }
            }
            assertThat(stored).as("committed runs, seed %d", seed).containsAll(committed);
            // A commit can lack its line only when the kill fell between COMMIT and println: at most one per
            // writer. Nothing half-written is ever visible.
            assertThat(rows).as("rows, seed %d", seed).isBetween((long) committed.size(), committed.size() + 3L);
            assertThat(stored).as("seed %d", seed).hasSize((int) rows);
        }
    }

    @Test
    void twoProcessesWritingAtOnceNeverSeeALockedDatabase() throws Exception {
        Path db = dir.resolve("shared.db");
        int each = 150;
        try (ChildJvm gui = ChildJvm.writer(db, each, "gui", 20, dir.resolve("gui.err"));
             ChildJvm cli = ChildJvm.writer(db, each, "cli", 20, dir.resolve("cli.err"))) {
            List<String> guiLines = gui.readAll();
            List<String> cliLines = cli.readAll();
            assertThat(gui.waitFor(60)).as("gui writer stderr: %s", Files.readString(dir.resolve("gui.err"))).isZero();
            assertThat(cli.waitFor(60)).as("cli writer stderr: %s", Files.readString(dir.resolve("cli.err"))).isZero();
            assertThat(guiLines).hasSize(each + 1).last().isEqualTo("done");
            assertThat(cliLines).hasSize(each + 1).last().isEqualTo("done");
        }
        assertThat(Files.readString(dir.resolve("gui.err")) + Files.readString(dir.resolve("cli.err")))
                // SQLite's own words for it ("blocked" in a JDK warning is not one of them)
                .doesNotContainIgnoringCase("database is locked").doesNotContain("SQLITE_BUSY")
                .doesNotContain("SQLITE_LOCKED");
        try (HistoryStore history = HistoryStore.open(db)) {
            assertThat(history.count(HistoryFilter.ALL.withHost("gui"))).isEqualTo(each);
            assertThat(history.count(HistoryFilter.ALL.withHost("cli"))).isEqualTo(each);
        }
    }

    /** The row's JSON parses, and its counts agree with its timeline and with the indexed columns. */
    private static void assertComplete(String json, RunSummary run) throws Exception {
        JsonNode root = Json.mapper().readTree(json);
        int victim = 0;
        int attacker = 0;
        for (JsonNode event : root.path("timeline")) {
            if ("attacker".equals(event.path("side").asText())) {
                attacker++;
            } else {
                victim++;
            }
        }
        assertThat(victim + attacker).as("timeline of %s", run.id()).isEqualTo(EVENTS);
        assertThat(root.path("counts").path("victim").asInt()).as("victim count of %s", run.id()).isEqualTo(victim);
        assertThat(root.path("counts").path("attacker").asInt()).as("attacker count of %s", run.id())
                .isEqualTo(attacker);
        assertThat(run.outcome()).isEqualTo("attacker took " + attacker + " of " + EVENTS);
        assertThat(run.title()).isEqualTo("crash run " + root.path("sequence").asInt());
    }
}
