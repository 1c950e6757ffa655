import java.util.Arrays;
import org.socketinspector.collect.Platform;
import org.socketinspector.collect.ScanRequest;
import org.socketinspector.collect.Source;
import org.socketinspector.rules.RuleEngine;
import org.socketinspector.ui.LiveServices;
import org.socketinspector.ui.live.ScanService;

/**
 * The GUI's warm rescan through its real path: the ScanService of LiveServices.create(platform), as GuiMain builds
 * it (the platform's one collector, kept, plus the rule engine), next to the way the GUI scanned before issue 11
 * (a new collector per refresh, so the Linux scanner's owner cache never served a second scan). Each way: 5 warm-up
 * scans, then ROUNDS rounds of 10 scans; prints the median and min of the 10-scan total and the median single scan.
 * Run by bench/gui-rescan.sh with the GUI's classpath:
 * java -cp 'app/gui/target/socket-inspector.jar:app/gui/target/lib/*' bench/GuiRescanBench.java [rounds]
 */
public class GuiRescanBench {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Platform platform = Platform.forThisMachine();
        ScanService kept = LiveServices.create(platform).scans();
        // Before: LiveServices looked the collector up on every refresh, and the look-up made a new one.
        ScanService perCall = request -> RuleEngine.audit(Platform.forThisMachine().collector(Source.AUTO).collect(request));
        // Interleaved, so that a change in the machine's load hits both ways alike.
        warm(kept);
        warm(perCall);
        double[] keptTotals = new double[rounds];
        double[] perCallTotals = new double[rounds];
        double[] keptSingles = new double[rounds * 10];
        double[] perCallSingles = new double[rounds * 10];
        int sockets = kept.scan(ScanRequest.LISTENERS).scan().sockets().size();
        for (int r = 0; r < rounds; r++) {
            keptTotals[r] = tenScans(kept, keptSingles, r * 10);
            perCallTotals[r] = tenScans(perCall, perCallSingles, r * 10);
        }
        System.out.printf("GUI warm rescan, %d sockets in the default view, %d rounds of 10 scans%n", sockets, rounds);
        print("one collector (LiveServices.create(platform))", keptTotals, keptSingles);
        print("a new collector per scan (before)", perCallTotals, perCallSingles);
    }

    private static void warm(ScanService service) throws Exception {
        for (int i = 0; i < 5; i++) {
            service.scan(ScanRequest.LISTENERS);
        }
    }

    private static double tenScans(ScanService service, double[] singles, int from) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            service.scan(ScanRequest.LISTENERS);
            singles[from + i] = (System.nanoTime() - t) / 1e6;
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static void print(String what, double[] totals, double[] singles) {
        Arrays.sort(totals);
        Arrays.sort(singles);
        System.out.printf("  %-48s 10 scans: median %7.1f ms, min %7.1f ms; one scan: median %6.1f ms%n", what,
                median(totals), totals[0], median(singles));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
