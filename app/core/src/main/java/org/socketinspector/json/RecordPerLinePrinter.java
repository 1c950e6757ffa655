package org.socketinspector.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;

/**
 * Pretty-prints a scan or audit document with its top-level fields indented and each record of its arrays
 * (a socket, a finding) on one line: readable, greppable one socket per line, and a third of the work of
 * indenting every field (a --all scan of 60,000 sockets otherwise spends most of its JSON time on white space).
 */
final class RecordPerLinePrinter extends DefaultPrettyPrinter {

    private static final long serialVersionUID = 1L;

    /** Fields of the root object are at depth 1, the elements of its arrays at depth 2; deeper stays inline. */
    private static final int LAST_INDENTED_DEPTH = 2;

    RecordPerLinePrinter() {
        Indenter indenter = new Indenter() {
            @Override
            public void writeIndentation(JsonGenerator g, int level) throws IOException {
                if (level <= LAST_INDENTED_DEPTH) {
                    DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.writeIndentation(g, level);
                } else {
                    g.writeRaw(' ');
                }
            }

            @Override
            public boolean isInline() {
                return false;
            }
        };
        indentObjectsWith(indenter);
        indentArraysWith(indenter);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
        return new RecordPerLinePrinter();
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        if (_nesting > LAST_INDENTED_DEPTH) {
            _nesting--;
            g.writeRaw(" }");
            return;
        }
        super.writeEndObject(g, entries);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        if (_nesting > LAST_INDENTED_DEPTH) {
            _nesting--;
            g.writeRaw(" ]");
            return;
        }
        super.writeEndArray(g, values);
    }
}
