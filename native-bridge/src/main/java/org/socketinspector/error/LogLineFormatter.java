package org.socketinspector.error;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line per record: {@code 2026-12-01T21:50:00.123Z WARNING org.socketinspector.ui.MainWindowViewModel: text},
 * then the stack trace of a throwable, indented. Control characters in the message (a command line may hold any)
 * are escaped, so that a record can never forge the next one.
 */
public final class LogLineFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(128);
        line.append(Instant.ofEpochMilli(record.getMillis())).append(' ').append(record.getLevel().getName())
                .append(' ').append(record.getLoggerName()).append(": ").append(escape(formatMessage(record)))
                .append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            trace.toString().lines().forEach(l -> line.append("    ").append(escape(l.replace("\t", "    ")))
                    .append(System.lineSeparator()));
        }
        return line.toString();
    }

    /** Control characters as \n, \t or \xNN; everything else as it is. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\x%02x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
