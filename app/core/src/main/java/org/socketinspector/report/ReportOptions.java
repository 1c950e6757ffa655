package org.socketinspector.report;

/**
 * How to export.
 *
 * @param format             html, pdf, csv or json
 * @param pageSize           paper for the PDF
 * @param includeExperiments show the experiments from history under each finding
 * @param redact             mask command-line arguments that look like secrets
 * @param redactUsers        also replace user names (implies nothing else)
 */
public record ReportOptions(ReportFormat format, PageSize pageSize, boolean includeExperiments, boolean redact,
                            boolean redactUsers) {

    public static ReportOptions of(ReportFormat format) {
        return new ReportOptions(format, PageSize.A4, false, false, false);
    }
}
