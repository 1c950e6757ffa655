package org.socketinspector.report;

import java.io.IOException;
import java.io.OutputStream;

/** {@link ReportFormat#PDF}: the report's HTML laid out on pages, bounded in size ({@link PdfLimits}). */
final class PdfFormat implements FormatWriter {

    @Override
    public void write(Report report, ReportOptions options, OutputStream out) throws IOException {
        new PdfReport(options.pageSize()).write(report, out);
    }

    @Override
    public void write(FleetReport fleet, OutputStream out) throws IOException {
        fleet.pdf(out);
    }
}
