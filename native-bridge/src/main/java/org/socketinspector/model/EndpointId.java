package org.socketinspector.model;

/**
 * Who a listening endpoint is across two scans (history diff, the fleet report): its namespace, protocol, family,
 * local address and port; never the socket inode nor the namespace inode alone where a name exists, because a
 * restarted service or container gets new ones. The GUI's row identity is another one (the socket inode).
 *
 * @param namespace "host" for the collector's own namespace or an unidentified one (every version-1 document),
 *                  "name:NAME" for another, named namespace, "inode:N" for another known only by its inode
 */
public record EndpointId(String namespace, Protocol protocol, Family family, String address, int port) {

    public static final String HOST = "host";

    public static EndpointId of(Scan scan, SocketRecord s) {
        return new EndpointId(namespaceKey(scan, s.netns()), s.protocol(), s.family(), s.localAddress(), s.localPort());
    }

    /**
     * A namespace as an identity: "host" for the collector's own (not listed in {@link Scan#namespaces()}) and for an
     * unknown one, so a version-1 snapshot and a version-2 one of the same machine match; else the namespace's name
     * where it has one (stable across a restart), else its inode.
     */
    public static String namespaceKey(Scan scan, NetNs netns) {
        if (netns == null || !netns.isKnown() || scan == null || !scan.listsNamespace(netns)) {
            return HOST;
        }
        return netns.name() != null ? "name:" + netns.name() : "inode:" + netns.inode();
    }
}
