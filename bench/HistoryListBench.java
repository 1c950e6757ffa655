import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.socketinspector.store.ExperimentEntry;
import org.socketinspector.store.HistoryFilter;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.store.Page;

/**
 * What the History view pays to open on a history of N experiments: open the file, count the rows, read the first
 * page of 50 (the CLI's) and of 100 (the view's, HistoryViewModel.PAGE_SIZE: HistoryViewModelTest checks the
 * paging and leaves its time to this bench); then a deep page (the last one) and a filtered page. Each experiment carries a 100-event timeline
 * (about 9 KB of JSON), like a lab replay. Run by bench/history-list.sh with the application's classpath:
 * java -cp 'app/cli/target/socket-inspector-cli.jar:app/cli/target/lib/*' bench/HistoryListBench.java DB [N]
 */
public class HistoryListBench {

    /** The History view's page size (HistoryViewModel.PAGE_SIZE; the bench runs without the GUI's classes). */
    private static final int VIEW_PAGE = 100;

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        if (!Files.exists(db)) {
            long start = System.nanoTime();
            fill(db, n);
            System.out.printf("filled %d experiments in %.0f ms (one transaction per 1000), file %.1f MB%n", n,
                    (System.nanoTime() - start) / 1e6, Files.size(db) / 1e6);
        }
        for (int i = 0; i < 3; i++) {
            openCountFirstPage(db, Page.FIRST); // warm-up: class loading, JIT, the native library, the OS page cache
        }
        double[] open = new double[20];
        double[] view = new double[20];
        double[] deep = new double[20];
        double[] filtered = new double[20];
        try (HistoryStore history = HistoryStore.open(db)) {
            long total = history.count(HistoryFilter.ALL);
            for (int i = 0; i < open.length; i++) {
                open[i] = openCountFirstPage(db, Page.FIRST);
                view[i] = openCountFirstPage(db, new Page(VIEW_PAGE, 0));
                deep[i] = time(() -> history.list(HistoryFilter.ALL, new Page(50, (int) total - 50)));
                filtered[i] = time(() -> history.list(HistoryFilter.experiments().withKind("probe"), Page.FIRST));
            }
            System.out.printf("history of %d runs%n", total);
        }
        report("open + count + first page of 50", open);
        report("open + count + first page of " + VIEW_PAGE + " (GUI)", view);
        report("last page (offset N-50)", deep);
        report("first page, --kind probe", filtered);
    }

    private static double openCountFirstPage(Path db, Page first) {
        long start = System.nanoTime();
        try (HistoryStore history = HistoryStore.open(db)) {
            history.count(HistoryFilter.ALL);
            history.list(HistoryFilter.ALL, first);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String what, double[] ms) {
        Arrays.sort(ms);
        System.out.printf("%-34s min %6.2f ms, median %6.2f ms, max %6.2f ms%n", what, ms[0],
                (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2, ms[ms.length - 1]);
    }

    private static void fill(Path db, int n) {
        String[] kinds = {"probe", "replay", "matrix", "replay"};
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        try (HistoryStore history = HistoryStore.open(db)) {
            List<ExperimentEntry> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Instant start = base.plusSeconds(600L * i);
                batch.add(new ExperimentEntry(kinds[i % 4], kinds[i % 4] + " run " + i, start, start.plusSeconds(3),
                        "host" + (i % 3), "0.1.0", i % 7 != 0, "attacker took " + (i % 50) + " of 100",
                        record(i)));
                if (batch.size() == 1000) {
                    history.saveExperiments(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                history.saveExperiments(batch);
            }
        }
    }

    private static String record(int i) {
        StringBuilder timeline = new StringBuilder();
        for (int e = 0; e < 100; e++) {
            timeline.append(e == 0 ? "" : ",").append("{\"at\":\"2026-01-01T00:00:00.").append(100 + e)
                    .append("Z\",\"event\":\"connection\",\"side\":\"").append(e % 2 == 0 ? "victim" : "attacker")
                    .append("\",\"client\":\"127.0.0.1:").append(40000 + e).append("\"}");
        }
        return "{\"kind\":\"replay\",\"sequence\":" + i + ",\"counts\":{\"victim\":50,\"attacker\":50},\"timeline\":["
                + timeline + "]}";
    }
}
