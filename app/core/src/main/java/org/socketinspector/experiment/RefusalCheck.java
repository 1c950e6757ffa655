package org.socketinspector.experiment;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.socketinspector.model.Protocol;
import org.socketinspector.sockets.NativeSockets;
import org.socketinspector.sockets.PortHolder;

/**
 * Whose socket refused an experiment's bind (issue 18, defect 6). An EADDRINUSE is a verdict only when the sockets
 * holding the port at that moment are the experiment's own: another user watching /proc/net/tcp can bind
 * {@code [::1]:P} the moment the victim appears on {@code 127.0.0.1:P}, and the refusal is then theirs. The kernel's
 * table is read right after the refusal (sock_diag: listeners, bound-only sockets, connections, TIME_WAIT), and any
 * holder whose inode is not one of the experiment's makes the run inconclusive, naming its uid and pid.
 *
 * <p>Where the table cannot be read (another OS: {@link NativeSockets#holders} unsupported) there is no check; an
 * experiment in a network namespace of its own needs none, since no other process can enter it.
 */
final class RefusalCheck {

    private static final int NAMED = 3;

    private final NativeSockets table;

    RefusalCheck(NativeSockets table) {
        this.table = table;
    }

    /**
     * @param ours           inodes of the experiment's sockets
     * @param timeWaitIsOurs a TIME_WAIT entry (no inode, no uid) counts as the experiment's: the victim of a
     *                       time-wait encounter left exactly such a connection on the port
     * @param refused        what was refused, for the message ("the attacker's bind of ::1 port 4242 (EADDRINUSE)")
     */
    void requireOnlyOurs(Protocol protocol, int port, Set<Long> ours, boolean timeWaitIsOurs, String refused)
            throws InterferenceException {
        List<PortHolder> holders;
        try {
            holders = table.holders(protocol, port);
        } catch (UnsupportedOperationException e) {
            return;
        } catch (IOException e) {
            throw new InterferenceException("inconclusive: " + refused + " was refused and the socket table could not"
                    + " be read to tell whose socket refused it (" + e.getMessage() + ")");
        }
        List<PortHolder> foreign = foreign(holders, ours, timeWaitIsOurs);
        if (!foreign.isEmpty()) {
            throw new InterferenceException("interfered/inconclusive: " + refused + " was refused while "
                    + protocol.wireName() + " port " + port + " was taken by "
                    + foreign.stream().limit(NAMED).map(h -> describe(h.withPid(pid(h)))).collect(Collectors.joining(", "))
                    + (foreign.size() > NAMED ? " and " + (foreign.size() - NAMED) + " more" : "")
                    + ", not by this experiment's sockets: no verdict");
        }
    }

    /** The holders that are not the experiment's. */
    static List<PortHolder> foreign(List<PortHolder> holders, Set<Long> ours, boolean timeWaitIsOurs) {
        return holders.stream()
                .filter(h -> !(h.inode() != 0 && ours.contains(h.inode())))
                .filter(h -> !(timeWaitIsOurs && h.inode() == 0 && "TIME_WAIT".equals(h.state())))
                .toList();
    }

    /** "uid 65534 pid 4711 (LISTEN ::1)". */
    static String describe(PortHolder h) {
        return "uid " + (h.uid() == null ? "?" : h.uid()) + " pid " + (h.pid() == null ? "?" : h.pid()) + " ("
                + h.state() + " " + h.localAddress() + ")";
    }

    private Long pid(PortHolder h) {
        if (h.inode() == 0) {
            return null;
        }
        try {
            return table.pidHolding(h.inode());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
