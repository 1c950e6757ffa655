package org.socketinspector.semantics;

import java.util.Set;

/**
 * One socket of a bind question: the address it binds (on the question's port), its options, its user.
 * Users are account names; equal names mean the same account. "root" on Linux/macOS/FreeBSD and
 * "administrator"/"admin"/"SYSTEM" on Windows are privileged and get exactly the rights the OS gives them.
 *
 * @param address canonical address text, e.g. 0.0.0.0, 127.0.0.1, ::, ::1
 * @param options options set before bind
 * @param user    owning account
 * @param state   BOUND or LISTEN (the second socket's state is always BOUND: it is the one binding now)
 */
public record BindEndpoint(String address, Set<BindOption> options, String user, BindState state) {

    public BindEndpoint {
        options = Set.copyOf(options);
    }

    public boolean has(BindOption option) {
        return options.contains(option);
    }
}
