package org.socketinspector.experiment;

import java.util.Set;
import org.socketinspector.model.Family;
import org.socketinspector.sockets.SockOpt;

/**
 * One socket an experiment creates: the address it binds, the options it sets before bind (for an IPv6 socket
 * V6ONLY is set on or off explicitly: off means dual-stack), the uid it runs as (-1: this process's own) and
 * whether it listens (TCP).
 */
public record SocketSpec(String address, Set<SockOpt> options, int uid, boolean listen) {

    public SocketSpec {
        options = Set.copyOf(options);
    }

    public Family family() {
        return Family.ofAddress(address);
    }

    public boolean wildcard() {
        return address.equals("0.0.0.0") || address.equals("::");
    }

    /** Dual-stack: an IPv6 wildcard socket without V6ONLY also covers IPv4. */
    public boolean dualStack() {
        return address.equals("::") && !options.contains(SockOpt.V6ONLY);
    }

    /** The loopback address traffic for this socket goes to: itself if specific, else its family's loopback. */
    public String loopbackTarget() {
        if (!wildcard()) {
            return address;
        }
        return family() == Family.IPV4 ? "127.0.0.1" : "::1";
    }

    /** Whether this socket receives traffic sent to the (specific) address. */
    public boolean covers(String target) {
        if (address.equals(target)) {
            return true;
        }
        boolean targetV4 = Family.ofAddress(target) == Family.IPV4;
        return address.equals("0.0.0.0") ? targetV4 : address.equals("::") && (!targetV4 || dualStack());
    }

    /** Short text: "127.0.0.1 reuseaddr+reuseport". */
    public String label() {
        String opts = options.stream().filter(o -> o != SockOpt.V6ONLY).map(SockOpt::wireName)
                .sorted().reduce((a, b) -> a + "+" + b).orElse("none");
        String addr = address.equals("::") ? (dualStack() ? "[::] dual-stack" : "[::] v6only") : address;
        return addr + " " + opts;
    }
}
