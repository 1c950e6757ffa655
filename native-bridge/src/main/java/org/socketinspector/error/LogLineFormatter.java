package org.socketinspector.error;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import org.socketinspector.text.TerminalText;

/**
 * One line per record: {@code 2026-12-01T21:50:00.123Z WARNING org.socketinspector.ui.MainWindowViewModel: text},
 * then the stack trace of a throwable, indented. Control and bidi characters in the message (a command line may hold
 * any) are escaped as everywhere else, so that a record can never forge the next one.
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

    /** The one escaping of foreign text ({@link TerminalText}): a logged name cannot forge a log line. */
    static String escape(String text) {
        return TerminalText.escape(text);
    }
}
