package org.socketinspector.report;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Horizontal bar charts: inline SVG on screen (attributes only, no style attributes, so the strict CSP holds), and
 * a table of bars for the PDF renderer, which has no SVG support without Batik.
 */
final class Charts {

    private static final int WIDTH = 520;
    private static final int LABEL = 230;
    private static final int ROW = 20;

    private Charts() {
    }

    static void svg(Markup m, String title, String barClass, List<Report.Bar> bars) throws IOException {
        if (emptyOrTitled(m, title, bars)) {
            return;
        }
        int max = bars.stream().mapToInt(Report.Bar::value).max().orElse(1);
        int height = bars.size() * ROW + 4;
        m.raw("<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + WIDTH + "\" height=\""
                + height + "\" viewBox=\"0 0 " + WIDTH + " " + height + "\"><title>").text(title).raw("</title>");
        for (int i = 0; i < bars.size(); i++) {
            Report.Bar bar = bars.get(i);
            int y = i * ROW + 2;
            int length = Math.max(1, Math.round((WIDTH - LABEL - 50) * (float) bar.value() / max));
            m.raw("<text x=\"" + (LABEL - 6) + "\" y=\"" + (y + 14) + "\" text-anchor=\"end\">").text(shorten(bar.label()))
                    .raw("</text><rect class=\"bar " + barClass + "\" x=\"" + LABEL + "\" y=\"" + (y + 3) + "\" width=\""
                            + length + "\" height=\"" + (ROW - 6) + "\"/><text x=\"" + (LABEL + length + 6) + "\" y=\""
                            + (y + 14) + "\">" + bar.value() + "</text>");
        }
        m.raw("</svg></div>");
    }

    static void table(Markup m, String title, String barClass, List<Report.Bar> bars) throws IOException {
        if (emptyOrTitled(m, title, bars)) {
            return;
        }
        int max = bars.stream().mapToInt(Report.Bar::value).max().orElse(1);
        m.raw("<table class=\"chart-table\"><tbody>");
        for (Report.Bar bar : bars) {
            String percent = String.format(Locale.ROOT, "%.1f", Math.max(1.0, 100.0 * bar.value() / max));
            m.raw("<tr><td width=\"35%\">").text(shorten(bar.label())).raw("</td><td width=\"55%\"><div class=\"hbar "
                    + barClass + "\" style=\"width: " + percent + "%\"></div></td><td class=\"num\">" + bar.value()
                    + "</td></tr>");
        }
        m.raw("</tbody></table></div>");
    }

    /** Writes the chart's frame and title; true (and the frame closed) when there is nothing to draw. */
    private static boolean emptyOrTitled(Markup m, String title, List<Report.Bar> bars) throws IOException {
        m.raw("<div class=\"chart\"><h3>").text(title).raw("</h3>");
        if (bars.isEmpty()) {
            m.raw("<p class=\"muted\">None.</p></div>");
            return true;
        }
        return false;
    }

    private static String shorten(String label) {
        return label.length() <= 28 ? label : label.substring(0, 27) + "…";
    }
}
