package org.socketinspector.parse;

import java.util.List;
import org.socketinspector.model.SkippedLine;
import org.socketinspector.model.SocketRecord;

/**
 * What a parser read from one capture.
 *
 * @param format       the format that was parsed (the first section's, when a file holds several tools' output)
 * @param os           the OS the capture came from, as host.os names it ("linux", "windows", "macos", "freebsd")
 * @param sockets      the sockets kept, in the capture's order
 * @param limitations  one human-readable line per thing the text could not say (ignored lines, unknown words...)
 * @param skipped      lines that should have been sockets and could not be read (the first
 *                     {@link CaptureReader#KEPT_SKIPPED} of them)
 * @param skippedCount how many such lines there were in all
 */
public record ParsedCapture(CaptureFormat format, String os, List<SocketRecord> sockets, List<String> limitations,
                            List<SkippedLine> skipped, long skippedCount) {

    public ParsedCapture {
        sockets = List.copyOf(sockets);
        limitations = List.copyOf(limitations);
        skipped = List.copyOf(skipped);
    }

    /** A capture with nothing skipped (the strict whole-text parse). */
    public ParsedCapture(CaptureFormat format, String os, List<SocketRecord> sockets, List<String> limitations) {
        this(format, os, sockets, limitations, List.of(), 0);
    }
}
