package org.socketinspector.linux;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.socketinspector.model.Protocol;

/**
 * Who holds one port now: the kernel's socket table (sock_diag, as the scanner reads it: every TCP state including
 * bound-only sockets on Linux 6.8+, every UDP socket) filtered by protocol and local port; the holding process only
 * on request, since that walks every process's descriptors. Used by experiments whose bind was refused.
 */
public final class PortTable {

    /**
     * One socket on the port (the sockets package maps it to its PortHolder: this package must not depend on it).
     *
     * @param uid null where the kernel does not say (TIME_WAIT)
     */
    public record Entry(String localAddress, String state, Long uid, long inode) {
    }

    private PortTable() {
    }

    public static List<Entry> holders(Protocol protocol, int port) throws IOException {
        List<DiagSocket> table = new NetlinkSockDiag().dump(TcpStates.tcpMask(true));
        List<Entry> holders = new ArrayList<>();
        for (DiagSocket s : table) {
            if (s.protocol() == protocol && s.localPort() == port) {
                String state = TcpStates.tcpName(s.state()); // UDP: CLOSE is an unconnected bound socket too
                holders.add(new Entry(s.localAddress(), state, s.uid(), s.inode()));
            }
        }
        return holders;
    }

    /** The lowest pid holding the inode among the processes this one may look into; null when none. */
    public static Long pidHolding(long inode) {
        SocketOwners.FdRef owner = SocketOwners.scan(Path.of("/proc"), Set.of(inode)).owner(inode);
        return owner == null ? null : (long) owner.pid();
    }
}
