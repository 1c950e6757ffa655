package org.socketinspector.report;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The export formats, each built with its one writer (a constant cannot exist without one), its file extensions and
 * whether its output is binary. Every list of formats (CLI options and labels, the GUI's export dialog, tests) is
 * taken from here. A new format is one constant and one {@link FormatWriter}; {@code ReportFormatTest} checks that it
 * writes something for one host and for a fleet, and that {@link #LABEL} names it.
 */
public enum ReportFormat {
    HTML(new HtmlFormat(), false, "html"),
    PDF(new PdfFormat(), true, "pdf"),
    /** Two tables: a zip holding both, or NAME-sockets.csv and NAME-findings.csv beside NAME.csv. */
    CSV(new CsvFormat(), true, "zip", "csv"),
    JSON(new JsonFormat(), false, "json");

    /**
     * The formats as picocli's {@code paramLabel} shows them; an annotation needs a constant, so this is spelled
     * out and {@code ReportFormatTest} checks that it lists exactly {@link #values()}.
     */
    public static final String LABEL = "html|pdf|csv|json";

    private final FormatWriter writer;
    private final boolean binary;
    private final List<String> extensions;

    ReportFormat(FormatWriter writer, boolean binary, String... extensions) {
        this.writer = writer;
        this.binary = binary;
        this.extensions = List.of(extensions);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The extension of the file a report in this format is written to by default ({@code zip} for CSV). */
    public String extension() {
        return extensions.get(0);
    }

    /** Every extension a file of this format may have, the default first. */
    public List<String> extensions() {
        return extensions;
    }

    /** True when the output is not text (PDF, the CSV zip): never written to a terminal as text. */
    public boolean binary() {
        return binary;
    }

    FormatWriter writer() {
        return writer;
    }

    /** The format named {@code text} (any case, spaces around ignored). */
    public static ReportFormat fromWireName(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.wireName().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("expected " + choices() + ", found '" + text + "'");
    }

    /** "html, pdf, csv or json". */
    public static String choices() {
        List<String> names = wireNames();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ReportFormat::wireName).toList();
    }

    /** The wire names for picocli's {@code completionCandidates} (and its {@code ${COMPLETION-CANDIDATES}}). */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return wireNames().iterator();
        }
    }
}
