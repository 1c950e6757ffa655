package org.socketinspector.rules;

import java.util.List;
import org.socketinspector.model.NamespaceInfo;
import org.socketinspector.model.Protocol;

/**
 * The family shadow of one listener, told from the scanned host's facts (docs/rules.md, "Family shadow"): which
 * address of the other family it leaves free, whether that address can be bound there at all, how clients of
 * {@code localhost} reach it, the severity that follows, and the fix, which never reaches further than the
 * listener's own scope in the other family (127.0.0.1 → ::1, ::1 → 127.0.0.1, 0.0.0.0 → ::, :: v6only → 0.0.0.0).
 *
 * @param served the listener's address as the kernel compares it (127.0.0.1, ::1, 0.0.0.0 or ::)
 * @param other  the free address of the other family that a client of localhost may use (::1 or 127.0.0.1)
 */
record FamilyShadow(String served, String other, Protocol protocol, int port) {

    /** Whether the free address can be bound in that namespace: false when it has no ::1 (IPv6 disabled). */
    boolean possible(NamespaceInfo facts) {
        return !other.equals("::1") || !Boolean.FALSE.equals(facts.ipv6Loopback());
    }

    /** High when localhost resolves to the free family first, medium when it is second or unknown, low when absent. */
    Severity severity(NamespaceInfo facts) {
        List<String> order = facts.localhost();
        if (order == null || order.isEmpty()) {
            return Severity.MEDIUM;
        }
        if (order.get(0).equals(other)) {
            return Severity.HIGH;
        }
        return order.contains(other) ? Severity.MEDIUM : Severity.LOW;
    }

    /**
     * One sentence on how the clients of this namespace reach the free address, for the finding's explanation; the
     * namespace is named when it is not the collector's unnamed one.
     */
    String hostFacts(NamespaceInfo facts, String hostName) {
        String host = hostName == null ? "the scanned host" : hostName;
        String name = facts.netns().name() != null ? host + " (netns " + facts.netns().name() + ")" : host;
        List<String> order = facts.localhost();
        String v6 = other.equals("::1") ? (facts.ipv6Loopback() == null ? " Whether ::1 exists on "
                + name + " is not recorded." : " ::1 exists on " + name + ".") : "";
        if (order == null || order.isEmpty()) {
            return "What localhost resolves to on " + name + " is not recorded (its hosts file names no address for"
                    + " it, or the scan predates these facts): clients that resolve it to " + other + " reach the"
                    + " other socket." + v6;
        }
        String list = String.join(", then ", order);
        if (order.get(0).equals(other)) {
            return "On " + name + " localhost resolves to " + list + ": a client of localhost tries " + other
                    + " first and reaches the other socket." + v6;
        }
        if (order.contains(other)) {
            return "On " + name + " localhost resolves to " + list + ": most clients reach " + served + " first; a"
                    + " client that falls back or races both families (Happy Eyeballs, RFC 8305) can reach " + other
                    + "." + v6;
        }
        return "On " + name + " localhost resolves to " + list + " only: just clients that use the literal " + other
                + " reach the other socket." + v6;
    }

    /** The fix for this listener: its own scope in the other family too, per runtime; never a wider address. */
    String remediation() {
        boolean wildcard = served.equals("0.0.0.0") || served.equals("::");
        String add = wildcard ? other.equals("::1") ? "::" : "0.0.0.0" : other;
        String literal = add.contains(":") ? "[" + add + "]" : add;
        boolean udp = protocol == Protocol.UDP;
        String v6only = add.equals("::") ? " with IPV6_V6ONLY on (so that it does not also claim IPv4, which "
                + served + " already has)" : "";
        String loopback = served.equals("0.0.0.0") ? "127.0.0.1" : served.equals("::") ? "::1" : served;
        String text = "Also " + (udp ? "bind" : "listen on") + " " + add + " port " + port + v6only + ", the same "
                + "scope as " + served + " in the other family, so that no other process can take it; or make the"
                + " clients use the literal " + loopback + " instead of localhost.";
        String go = udp ? "Go: net.ListenPacket(\"udp\", \"" + literal + ":" + port + "\") beside the existing one."
                : "Go: net.Listen(\"tcp\", \"" + literal + ":" + port + "\") beside the existing one (\"localhost:"
                + port + "\" binds only one address).";
        String node = udp ? "Node: a second dgram socket ({type: 'udp" + (add.contains(":") ? "6" : "4")
                + "'" + (add.equals("::") ? ", ipv6Only: true" : "") + "}) bound to '" + add + "'."
                : "Node: a second server.listen({port: " + port + ", host: '" + add + "'"
                + (add.equals("::") ? ", ipv6Only: true" : "") + "}).";
        String python = "Python: a second socket.socket(socket.AF_INET" + (add.contains(":") ? "6" : "") + ", socket."
                + (udp ? "SOCK_DGRAM" : "SOCK_STREAM") + ")" + (add.equals("::") ? " with IPV6_V6ONLY set to 1" : "")
                + " bound to ('" + add + "', " + port + ")" + (udp ? "." : " and listening.");
        String java = add.equals("::") ? "Java: bind the server to new InetSocketAddress(" + port + ") instead of"
                + " 0.0.0.0 (the JDK's IPv6 socket is dual-stack: every IPv4 and IPv6 address, the same scope)."
                : "Java: a second " + (udp ? "DatagramChannel" : "ServerSocketChannel") + " bound to new"
                + " InetSocketAddress(\"" + add + "\", " + port + ").";
        return text + " " + go + " " + node + " " + python + " " + java;
    }
}
