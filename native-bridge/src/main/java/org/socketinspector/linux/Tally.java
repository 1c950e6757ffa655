package org.socketinspector.linux;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts things that went wrong by reason, so that 10,000 sockets of one kind give one limitation line. */
final class Tally {
    private final String what;
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    /** @param what the start of each line, e.g. "reuse options unknown for" */
    Tally(String what) {
        this.what = what;
    }

    void add(String reason) {
        counts.merge(reason, 1, Integer::sum);
    }

    /** "reuse options unknown for 12 sockets: pidfd_getfd EPERM (...)", one line per reason. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        counts.forEach((reason, count) ->
                lines.add(what + " " + count + (count == 1 ? " socket: " : " sockets: ") + reason));
        return lines;
    }
}
