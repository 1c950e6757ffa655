import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.socketinspector.json.ScanJson;
import org.socketinspector.report.ReportExporter;
import org.socketinspector.report.ReportFormat;
import org.socketinspector.report.ReportOptions;
import org.socketinspector.report.RuleDescriptions;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.RuleEngine;

/**
 * The report's own share of `report --input SCAN` (issue 18 defect 8), in one JVM: reading and auditing the scan
 * are timed apart from building and writing each format, so the number is not the input reader's or the rule
 * engine's. Run by bench/report-scale.sh; usage: java -cp CLASSPATH bench/ReportPhases.java SCAN.json [FORMAT...]
 */
public final class ReportPhases {
    public static void main(String[] args) throws Exception {
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        Audit scanned = ScanJson.read(Files.readString(Path.of(args[0])));
        long t1 = System.nanoTime();
        Audit audit = RuleEngine.audit(scanned.scan());
        long t2 = System.nanoTime();
        System.out.printf("read %.2f s, audit %.2f s: %d sockets, %d findings%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                audit.scan().sockets().size(), audit.findings().size());
        List<String> formats = args.length > 1 ? List.of(args).subList(1, args.length) : ReportFormat.wireNames();
        ReportExporter exporter = new ReportExporter(RuleDescriptions.engine());
        for (String name : formats) {
            ReportFormat format = ReportFormat.fromWireName(name);
            long start = System.nanoTime();
            long startCpu = cpu.getCurrentThreadCpuTime();
            exporter.export(audit, List.of(), ReportOptions.of(format), OutputStream.nullOutputStream());
            // CPU time of this thread: on a shared machine the wall time mostly measures the others.
            System.out.printf("%s: build and write %.2f s wall, %.2f s CPU%n", format.wireName(),
                    (System.nanoTime() - start) / 1e9, (cpu.getCurrentThreadCpuTime() - startCpu) / 1e9);
        }
    }
}
