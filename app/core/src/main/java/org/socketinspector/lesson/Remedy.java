package org.socketinspector.lesson;

import java.util.List;
import org.socketinspector.lesson.SocketSpec;

/**
 * A preset's rule applied: the victim as the rule's remediation makes it, facing the same attacker.
 *
 * @param description  what the fix changes, in the rule's words
 * @param victim       the remediated victim's sockets, all on the one port (the family fix has two)
 * @param servedBefore the addresses the victim served before the fix: it must still be reached on each of them
 * @param namespace    the namespace the fixed case runs in, with the fixed sysctl (a fix of a host setting); null:
 *                     a free port on loopback
 */
public record Remedy(String description, List<SocketSpec> victim, List<String> servedBefore, LabNamespace namespace) {

    public Remedy {
        victim = List.copyOf(victim);
        servedBefore = List.copyOf(servedBefore);
    }

    /** A fix of the victim's sockets alone, run on a free loopback port. */
    public Remedy(String description, List<SocketSpec> victim, List<String> servedBefore) {
        this(description, victim, servedBefore, null);
    }
}
