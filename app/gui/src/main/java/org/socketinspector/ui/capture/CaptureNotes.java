package org.socketinspector.ui.capture;

import java.util.ArrayList;
import java.util.List;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SkippedLine;
import org.socketinspector.model.SocketRecord;

/**
 * What a capture tab says under its table about an import: the lines it skipped (number, reason, text, as
 * {@code import} prints them on stderr) and the sockets whose address was only a name. Pure, tested without a window.
 */
public final class CaptureNotes {

    private static final int TEXT_SHOWN = 120;

    private CaptureNotes() {
    }

    /** "line 7: skipped: expected ... — TCP [fe80::asda...]", one per skipped line. */
    public static List<String> skipped(Scan scan) {
        List<String> out = new ArrayList<>();
        for (SkippedLine s : scan.skipped()) {
            String text = s.text().strip();
            if (text.length() > TEXT_SHOWN) {
                text = text.substring(0, TEXT_SHOWN) + "…";
            }
            out.add(escape("line " + s.line() + ": skipped: " + s.reason() + " — " + text));
        }
        return out;
    }

    /** "web01.example.int:443 (tcp): address unknown (name in capture), cut by the tool", one per such socket. */
    public static List<String> unresolved(Scan scan) {
        List<String> out = new ArrayList<>();
        for (SocketRecord s : scan.sockets()) {
            if (s.isAddressUnknown()) {
                out.add(escape(s.localAddress() + ":" + s.localPort() + " (" + s.protocol().wireName()
                        + "): address unknown (name in capture)"
                        + (s.names().truncated() ? ", cut to the tool's column" : "")));
            }
        }
        return out;
    }

    /** One line per note; a capture file may hold anything, a label must not be forged into several lines. */
    private static String escape(String text) {
        return org.socketinspector.text.TerminalText.escape(text);
    }
}
