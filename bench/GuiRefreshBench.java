import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.ToolInfo;
import org.socketinspector.rules.Audit;
import org.socketinspector.ui.sockets.SocketsViewModel;

/**
 * What the live view pays on the FX thread per refresh, without a window: applying a scan of N sockets to the
 * table's rows (SocketsViewModel.show). First scan: every row is new; rescan: the same sockets with 1% changed,
 * 1% gone and 1% new, as between two live scans. Run by bench/gui-refresh.sh with the application's classpath:
 * java -cp 'app/gui/target/socket-inspector.jar:app/gui/target/lib/*' bench/GuiRefreshBench.java [N...]
 */
public class GuiRefreshBench {

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {1_000, 10_000, 30_000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int n : sizes) {
            long first = Long.MAX_VALUE;
            long rescan = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                SocketsViewModel model = new SocketsViewModel();
                Audit a = audit(n, 0);
                long t0 = System.nanoTime();
                model.show(a);
                first = Math.min(first, System.nanoTime() - t0);
                for (int i = 1; i <= 3; i++) {
                    Audit next = audit(n, i);
                    long t1 = System.nanoTime();
                    model.show(next);
                    rescan = Math.min(rescan, System.nanoTime() - t1);
                }
            }
            System.out.printf("%,7d sockets: first scan %6.1f ms, rescan %6.1f ms (best of 5)%n", n, first / 1e6, rescan / 1e6);
        }
    }

    /** N listeners; generation g changes the state of 1%, drops 1% and adds 1% new ones. */
    static Audit audit(int n, int g) {
        List<SocketRecord> sockets = new ArrayList<>(n);
        int step = 100;
        for (int i = 0; i < n; i++) {
            if (g > 0 && i % step == g % step) {
                continue; // gone
            }
            String state = g > 0 && i % step == (g + 1) % step ? "CLOSE_WAIT" : "LISTEN";
            sockets.add(socket(i, state));
        }
        for (int i = 0; g > 0 && i < n / step; i++) {
            sockets.add(socket(n * 10 + g * n + i, "LISTEN")); // new
        }
        Scan scan = new Scan(Scan.SCHEMA, ToolInfo.current(), new HostInfo("bench", "linux", "6", 1024, false),
                Instant.now(), true, List.of("netlink"), List.of(), sockets);
        return new Audit(scan, List.of());
    }

    static SocketRecord socket(int i, String state) {
        String address = i % 3 == 0 ? "::1" : "127." + (i / 65536 % 256) + "." + (i / 256 % 256) + "." + (i % 256);
        return new SocketRecord(Protocol.TCP, address.contains(":") ? Family.IPV6 : Family.IPV4, address, 1024 + i % 60000,
                null, null, state, null, 1000 + i % 500, new ProcessInfo("svc" + i % 500, "/usr/bin/svc", "svc --id " + i,
                "alice", 1000, List.of()), 1000, (long) i + 1, new SocketOptions(true, i % 7 == 0, null, null), null);
    }
}
