package org.socketinspector.model;

/**
 * The network namespace a socket lives in (Linux). Sockets of different namespaces never conflict: each namespace
 * has its own ports, addresses and sysctls. See docs/json-contract.md, "netns".
 *
 * @param inode the namespace's inode (Linux: of {@code /proc/<pid>/ns/net}); null when unknown
 * @param name  its name where it has one (Linux: the {@code ip netns} bind mount under /run/netns with that inode),
 *              else null
 */
public record NetNs(Long inode, String name) {

    /**
     * Not identified: a capture of another tool, Windows (no network namespaces), a version-1 document. Every such
     * socket is taken to be in one namespace, the scanned host's.
     */
    public static final NetNs UNKNOWN = new NetNs(null, null);

    public NetNs {
        if (inode != null && inode <= 0) {
            throw new IllegalArgumentException("netns inode must be positive, found " + inode);
        }
    }

    public boolean isKnown() {
        return inode != null || name != null;
    }

    /** "netns web (4026532301)", "netns 4026531840", "the host's network namespace" when unknown. */
    public String describe() {
        if (!isKnown()) {
            return "the host's network namespace";
        }
        if (name == null) {
            return "netns " + inode;
        }
        return "netns " + name + (inode == null ? "" : " (" + inode + ")");
    }
}
