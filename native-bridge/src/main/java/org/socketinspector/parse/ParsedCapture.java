package org.socketinspector.parse;

import java.util.List;
import org.socketinspector.model.SocketRecord;

/**
 * What a parser read from one capture.
 *
 * @param format      the format that was parsed
 * @param os          the OS the capture came from, as host.os names it ("linux", "windows", "macos")
 * @param sockets     the sockets, in the capture's order
 * @param limitations one human-readable line per thing the text could not say (skipped lines, unknown words...)
 */
public record ParsedCapture(CaptureFormat format, String os, List<SocketRecord> sockets, List<String> limitations) {

    public ParsedCapture {
        sockets = List.copyOf(sockets);
        limitations = List.copyOf(limitations);
    }
}
