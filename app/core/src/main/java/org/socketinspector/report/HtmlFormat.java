package org.socketinspector.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/** {@link ReportFormat#HTML}: one self-contained file under a strict Content-Security-Policy. */
final class HtmlFormat implements FormatWriter {

    @Override
    public void write(Report report, ReportOptions options, OutputStream out) throws IOException {
        Writer w = ReportExporter.writer(out);
        HtmlReport.screen().write(report, w);
        w.flush();
    }

    @Override
    public void write(FleetReport fleet, OutputStream out) throws IOException {
        Writer w = ReportExporter.writer(out);
        fleet.html(w, HtmlReport.Medium.SCREEN);
        w.flush();
    }
}
