package org.socketinspector.ui.sockets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.socketinspector.model.Family;
import org.socketinspector.model.NetNs;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketRecord;

/**
 * The identity of a socket across two scans (the row identity), so that a refresh updates its row instead of
 * replacing it. The inode identifies a Linux socket within its network namespace ({@code netns}: two namespaces'
 * sockets never share a row); where there is none (Windows, imports) the owning pid stands in. History diffs use
 * another identity, without inodes ({@link org.socketinspector.model.EndpointId}).
 * {@code occurrence} tells apart sockets that look identical (e.g. a reuse group inside one process).
 */
public record SocketKey(Protocol protocol, Family family, String localAddress, int localPort, String remoteAddress,
                        Integer remotePort, Long inode, Integer pid, NetNs netns, int occurrence) {

    /** The keys of a scan's sockets, in the same order. */
    public static List<SocketKey> keysOf(List<SocketRecord> sockets) {
        Map<SocketKey, Integer> seen = new HashMap<>();
        List<SocketKey> keys = new ArrayList<>(sockets.size());
        for (SocketRecord s : sockets) {
            SocketKey base = new SocketKey(s.protocol(), s.family(), s.localAddress(), s.localPort(),
                    s.remoteAddress(), s.remotePort(), s.inode(), s.inode() == null ? s.pid() : null, s.netns(), 0);
            int occurrence = seen.merge(base, 1, Integer::sum) - 1;
            keys.add(occurrence == 0 ? base : base.withOccurrence(occurrence));
        }
        return keys;
    }

    private SocketKey withOccurrence(int n) {
        return new SocketKey(protocol, family, localAddress, localPort, remoteAddress, remotePort, inode, pid, netns,
                n);
    }
}
