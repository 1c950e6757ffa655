package org.socketinspector.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.socketinspector.history.HistoryId;

/**
 * A separate JVM that writes experiments to a history file, as the GUI or the CLI would. Used by the reliability
 * tests: they kill it with SIGKILL mid-write, or run two at once. Prints "committed E12" after each commit so the test
 * knows what must survive. Exits when its stdin closes (the test JVM died), so it never outlives the test.
 *
 * <p>Arguments: database file, number of experiments (at most 100,000), tag (stored as the host), timeline events
 * per experiment.
 */
public final class HistoryWriterProcess {

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int count = Math.min(Integer.parseInt(args[1]), 100_000);
        String tag = args[2];
        int events = Integer.parseInt(args[3]);
        watchParent();
        try (HistoryStore history = HistoryStore.open(file)) {
            for (int i = 0; i < count; i++) {
                HistoryId id = history.saveExperiment(entry(tag, i, events));
                System.out.println("committed " + id);
                System.out.flush();
                history.list(HistoryFilter.experiments().withHost(tag), Page.FIRST); // a reader between writes
            }
        }
        System.out.println("done");
    }

    /**
     * An experiment whose JSON carries its own check: the per-side counts must equal the number of "connection"
     * events in the timeline that name that side.
     */
    static ExperimentEntry entry(String tag, int i, int events) {
        StringBuilder timeline = new StringBuilder();
        int victim = 0;
        int attacker = 0;
        for (int e = 0; e < events; e++) {
            boolean toAttacker = (e * 7 + i) % 3 == 0;
            if (toAttacker) {
                attacker++;
            } else {
                victim++;
            }
            if (e > 0) {
                timeline.append(',');
            }
            timeline.append("{\"at\":").append(e).append(",\"event\":\"connection\",\"side\":\"")
                    .append(toAttacker ? "attacker" : "victim").append("\",\"note\":\"")
                    .append("client connection ").append(e).append(" of ").append(events).append("\"}");
        }
        String json = "{\"tag\":\"" + tag + "\",\"sequence\":" + i + ",\"counts\":{\"victim\":" + victim
                + ",\"attacker\":" + attacker + "},\"timeline\":[" + timeline + "]}";
        Instant start = Instant.now();
        return new ExperimentEntry("replay", tag + " run " + i, start, start.plusMillis(5), tag, "test",
                attacker == 0, "attacker took " + attacker + " of " + events, json);
    }

    private static void watchParent() {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // nothing: the parent only closes stdin
                }
            } catch (IOException ignored) {
                // stdin broken: the parent is gone
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
