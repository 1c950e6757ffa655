package org.socketinspector.experiment;

import java.util.ArrayList;
import java.util.List;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.semantics.OsFamily;

/**
 * The one validation of a probe request, shared by the CLI ({@code experiment probe}), the GUI's probe pane and
 * {@link LiveProbe} itself: what keeps it from running, one sentence each, named by the field ("Port: ...").
 *
 * @param os      the OS the probe runs on (which options exist, who may act as another user)
 * @param selfUid the uid running the probe: only root on Linux may probe as another user
 */
public record ProbeCheck(OsFamily os, int selfUid) {

    public static final String PORT = "Port: a number from 1 to 65535.";

    /** Every problem of the request; empty when it may run. */
    public List<String> problems(ProbeRequest r) {
        List<String> found = new ArrayList<>();
        address("Address", r.listenerAddress(), found);
        if (r.probeAddress() != null && !r.probeAddress().equals(r.listenerAddress())) {
            address("Probe address", r.probeAddress(), found);
        }
        if (r.port() < 1 || r.port() > 65535) {
            found.add(PORT);
        }
        for (SocketOption o : r.options()) {
            if (o != SocketOption.V6ONLY && !os.reuseOptions().contains(o)) {
                found.add("Options: " + o.constantName() + " does not exist on " + os.wireName() + ".");
            }
        }
        if (r.options().contains(SocketOption.REUSEADDR) && r.options().contains(SocketOption.EXCLUSIVEADDRUSE)) {
            found.add("Options: SO_REUSEADDR and SO_EXCLUSIVEADDRUSE exclude each other (Windows refuses the pair).");
        }
        if (r.options().contains(SocketOption.V6ONLY) && r.probeAddress() != null
                && Family.ofAddress(r.probeAddress()) != Family.IPV6) {
            found.add("Options: IPV6_V6ONLY applies to an IPv6 probe address only.");
        }
        if (r.uid() != Users.SELF && r.uid() != selfUid && !(selfUid == 0 && !os.isWindows())) {
            found.add("User: only root on Linux can probe as another user.");
        }
        if (r.protocol() == Protocol.UDP && !r.udpOptIn()) {
            found.add("UDP: a UDP probe needs an explicit opt-in: while the probe is bound, datagrams meant for the"
                    + " service can reach it.");
        }
        return found;
    }

    /** Throws the problems, joined, when there are any. */
    public void require(ProbeRequest r) throws ExperimentException {
        List<String> found = problems(r);
        if (!found.isEmpty()) {
            throw new ExperimentException(String.join(" ", found));
        }
    }

    private static void address(String field, String address, List<String> found) {
        try {
            AddressPolicy.requireProbeTarget(address);
        } catch (ExperimentException e) {
            found.add(field + ": " + e.getMessage() + ".");
        }
    }
}
