package org.socketinspector.report;

import java.util.Locale;

/** The export formats. */
public enum ReportFormat {
    HTML, PDF, CSV, JSON;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReportFormat fromWireName(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
