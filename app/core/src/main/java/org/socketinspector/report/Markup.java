package org.socketinspector.report;

import java.io.IOException;
import java.io.Writer;

/** Writes well-formed (X)HTML to a stream: {@link #raw} for our own markup, {@link #text} for anything else. */
final class Markup {

    private final Writer out;

    Markup(Writer out) {
        this.out = out;
    }

    Markup raw(String markup) throws IOException {
        out.write(markup);
        return this;
    }

    /** Escaped, cut at {@link Html#MAX_DISPLAY}. */
    Markup text(String text) throws IOException {
        out.write(Html.display(text));
        return this;
    }

    /** Escaped, cut at {@link Html#MAX_SUMMARY}: for summary tables whose full value appears elsewhere. */
    Markup brief(String text) throws IOException {
        out.write(Html.display(text, Html.MAX_SUMMARY));
        return this;
    }

    Markup text(Object value) throws IOException {
        return text(value == null ? null : value.toString());
    }

    /** {@code <tag class="...">text</tag>}. */
    Markup element(String tag, String cssClass, String text) throws IOException {
        out.write('<');
        out.write(tag);
        if (cssClass != null) {
            out.write(" class=\"" + cssClass + "\"");
        }
        out.write('>');
        text(text);
        out.write("</" + tag + ">");
        return this;
    }

    /** A paragraph per line of a multi-line text. */
    Markup paragraphs(String cssClass, String text) throws IOException {
        if (text == null || text.isBlank()) {
            return this;
        }
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                element("p", cssClass, line);
            }
        }
        return this;
    }

    Writer writer() {
        return out;
    }
}
