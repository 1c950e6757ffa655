package org.socketinspector.history;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.rules.Finding;

/**
 * Which findings two saved audits do not share: risks raised since the earlier one, and risks resolved.
 *
 * <p>A finding is the same when its rule and its socket's endpoint (protocol, family, address, port) are; the pid is
 * left out, so a restarted service keeps its findings instead of showing each one as resolved and raised again.
 * Suppression is not compared: a baseline accepting a risk does not make it new or gone.
 *
 * @param raised   findings only in the later audit
 * @param resolved findings only in the earlier audit
 */
public record FindingsDiff(List<Finding> raised, List<Finding> resolved) {

    public FindingsDiff {
        raised = List.copyOf(raised);
        resolved = List.copyOf(resolved);
    }

    public static FindingsDiff between(List<Finding> before, List<Finding> after) {
        Set<Key> earlier = before.stream().map(Key::of).collect(Collectors.toSet());
        Set<Key> later = after.stream().map(Key::of).collect(Collectors.toSet());
        return new FindingsDiff(
                after.stream().filter(f -> !earlier.contains(Key.of(f))).toList(),
                before.stream().filter(f -> !later.contains(Key.of(f))).toList());
    }

    public boolean isEmpty() {
        return raised.isEmpty() && resolved.isEmpty();
    }

    private record Key(String rule, Protocol protocol, Family family, String address, Integer port) {
        static Key of(Finding f) {
            Objects.requireNonNull(f.socket(), "finding subject");
            return new Key(f.rule(), f.socket().protocol(), f.socket().family(), f.socket().localAddress(),
                    f.socket().localPort());
        }
    }
}
