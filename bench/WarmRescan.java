import java.util.Arrays;
import org.socketinspector.collect.Platform;
import org.socketinspector.collect.ScanRequest;
import org.socketinspector.collect.SocketCollector;
import org.socketinspector.collect.Source;
import org.socketinspector.model.Scan;

/**
 * The warm in-process rescan the GUI pays on each refresh: one collector, 5 warm-up scans, then 20 timed scans of
 * the default view (listeners + UDP) and 20 of --all. Run by bench/scan-vs-ss.sh with the application's classpath:
 * java -cp 'app/cli/target/socket-inspector-cli.jar:app/cli/target/lib/*' bench/WarmRescan.java
 */
public class WarmRescan {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        SocketCollector collector = Platform.forThisMachine().collector(Source.AUTO);
        for (ScanRequest request : new ScanRequest[] {ScanRequest.LISTENERS, ScanRequest.ALL}) {
            for (int i = 0; i < 5; i++) {
                collector.collect(request);
            }
            double[] ms = new double[20];
            double[] cpu = new double[20];
            int sockets = 0;
            for (int i = 0; i < ms.length; i++) {
                long start = System.nanoTime();
                long cpuStart = OS.getProcessCpuTime();
                Scan scan = collector.collect(request);
                ms[i] = (System.nanoTime() - start) / 1e6;
                cpu[i] = (OS.getProcessCpuTime() - cpuStart) / 1e6;
                sockets = scan.sockets().size();
            }
            Arrays.sort(ms);
            Arrays.sort(cpu);
            // CPU time (all threads of this JVM, user + system) is what a busy shared machine distorts least.
            System.out.printf("warm rescan %-9s %6d sockets: wall min %6.1f ms, median %6.1f ms; cpu median %6.1f ms%n",
                    request.includeConnections() ? "--all" : "listeners", sockets, ms[0], (ms[9] + ms[10]) / 2,
                    (cpu[9] + cpu[10]) / 2);
        }
    }
}
