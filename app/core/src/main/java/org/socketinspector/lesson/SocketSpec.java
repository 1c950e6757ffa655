package org.socketinspector.lesson;

import java.util.Set;
import org.socketinspector.model.Family;
import org.socketinspector.model.SocketOption;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.semantics.BindEndpoint;
import org.socketinspector.semantics.BindOption;
import org.socketinspector.semantics.BindState;

/**
 * One socket an experiment creates: the address it binds, the options it sets before bind (for an IPv6 socket
 * V6ONLY is set on or off explicitly: off means dual-stack), the uid it runs as (-1: this process's own) and
 * whether it listens (TCP).
 */
public record SocketSpec(String address, Set<SocketOption> options, int uid, boolean listen) {

    public SocketSpec {
        options = Set.copyOf(options);
    }

    public Family family() {
        return Family.ofAddress(address);
    }

    /** Dual-stack: an IPv6 wildcard socket without V6ONLY also covers IPv4. */
    public boolean dualStack() {
        return address.equals("::") && !options.contains(SocketOption.V6ONLY);
    }

    /** Short text: "127.0.0.1 reuseaddr+reuseport". */
    public String label() {
        String opts = options.stream().filter(o -> o != SocketOption.V6ONLY).map(SocketOption::wireName)
                .sorted().reduce((a, b) -> a + "+" + b).orElse("none");
        String addr = address.equals("::") ? (dualStack() ? "[::] dual-stack" : "[::] v6only") : address;
        return addr + " " + opts;
    }

    /** This socket as the model's question names it, for {@code user} in {@code state}. */
    public BindEndpoint endpoint(String user, BindState state) {
        // An experiment sets every option on or off explicitly (IPV6_V6ONLY off: dual-stack).
        return new BindEndpoint(address, BindOption.of(SocketOptions.exactly(options), family()), user, state);
    }
}
