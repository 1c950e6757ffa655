package org.socketinspector.collect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.socketinspector.model.Endpoints;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;

/**
 * Compares two scans of the same machine (native source and a text tool, {@code scan --cross-check}) and lists
 * every socket one saw and the other did not. Sockets are matched by protocol, family, local and remote
 * endpoint and state; owners and options are not compared, since the sources differ in what they can see.
 * Equal keys are counted (two SO_REUSEPORT listeners on one port are two sockets).
 *
 * <p>The two reads cannot be simultaneous: a socket opened or closed between them shows up as a difference, and
 * nothing in the data tells such a race from a real blind spot. Differences are therefore reported, not judged.
 */
public record CrossCheck(String firstSource, String secondSource, List<SocketRecord> onlyInFirst,
                         List<SocketRecord> onlyInSecond) {

    public CrossCheck {
        onlyInFirst = List.copyOf(onlyInFirst);
        onlyInSecond = List.copyOf(onlyInSecond);
    }

    public static CrossCheck compare(Scan first, Scan second) {
        return new CrossCheck(String.join("+", first.sources()), String.join("+", second.sources()),
                missingFrom(first.sockets(), second.sockets()), missingFrom(second.sockets(), first.sockets()));
    }

    public boolean agrees() {
        return onlyInFirst.isEmpty() && onlyInSecond.isEmpty();
    }

    /** One line per difference, e.g. "cross-check: only ss sees tcp 127.0.0.1:8080 LISTEN (pid 12)". */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        onlyInFirst.forEach(s -> lines.add("cross-check: only " + firstSource + " sees " + text(s)));
        onlyInSecond.forEach(s -> lines.add("cross-check: only " + secondSource + " sees " + text(s)));
        if (lines.isEmpty()) {
            lines.add("cross-check: " + firstSource + " and " + secondSource + " see the same sockets");
        }
        return lines;
    }

    private record Key(Protocol protocol, Family family, String localAddress, int localPort, String remoteAddress,
                       Integer remotePort, String state) {
        static Key of(SocketRecord s) {
            return new Key(s.protocol(), s.family(), s.localAddress(), s.localPort(), s.remoteAddress(), s.remotePort(),
                    s.state());
        }
    }

    /** The sockets of {@code from} that {@code other} lacks, counting duplicates. */
    private static List<SocketRecord> missingFrom(List<SocketRecord> from, List<SocketRecord> other) {
        Map<Key, Integer> available = new HashMap<>();
        other.forEach(s -> available.merge(Key.of(s), 1, Integer::sum));
        List<SocketRecord> missing = new ArrayList<>();
        for (SocketRecord s : from) {
            Key key = Key.of(s);
            int count = available.getOrDefault(key, 0);
            if (count == 0) {
                missing.add(s);
            } else {
                available.put(key, count - 1);
            }
        }
        return missing;
    }

    private static String text(SocketRecord s) {
        String remote = s.remoteAddress() == null ? ""
                : " -> " + (s.remotePort() == null ? s.remoteAddress() : Endpoints.format(s.remoteAddress(), s.remotePort()));
        return s.protocol().wireName() + " " + s.localEndpoint() + remote + " " + Objects.requireNonNullElse(s.state(), "-")
                + (s.pid() == null ? "" : " (pid " + s.pid() + ")");
    }
}
