package org.socketinspector.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import org.socketinspector.json.ScanJson;

/**
 * {@link ReportFormat#JSON}: the audit contract, with sockets and findings in the report's order (as every other
 * format), so the same audit in any order gives the same bytes.
 */
final class JsonFormat implements FormatWriter {

    @Override
    public void write(Report report, ReportOptions options, OutputStream out) throws IOException {
        Writer w = ReportExporter.writer(out);
        w.write(ScanJson.write(report.sortedAudit()));
        w.write('\n');
        w.flush();
    }

    @Override
    public void write(FleetReport fleet, OutputStream out) throws IOException {
        fleet.json(out);
    }
}
