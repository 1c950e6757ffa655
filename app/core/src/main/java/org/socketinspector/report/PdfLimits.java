package org.socketinspector.report;

/**
 * How much of a large report a PDF shows (issue 18 defect 8: one user's 20,000 listeners made a 3 GB, three-minute
 * PDF). What is left out is said in the PDF itself, where it is left out, and is in the CSV and JSON reports.
 *
 * @param socketRows     rows of the socket table; beyond it, the sockets with the most severe findings are shown
 * @param findingsInFull findings shown in full (explanation, remediation); beyond it findings are grouped by rule:
 *                       the first of each group in full, the others as table rows
 * @param findingRows    rows of those tables over all groups (and of each fleet table)
 */
public record PdfLimits(int socketRows, int findingsInFull, int findingRows) {

    /** Keeps a 20,000-socket report near 100 pages. */
    public static final PdfLimits DEFAULT = new PdfLimits(1_000, 100, 1_000);

    /** The screen (HTML) report shows everything. */
    static final PdfLimits NONE = new PdfLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

    public PdfLimits {
        if (socketRows < 1 || findingsInFull < 1 || findingRows < 1) {
            throw new IllegalArgumentException("PDF limits must be positive");
        }
    }
}
