package org.socketinspector.rules;

import java.util.Objects;
import org.socketinspector.model.Family;
import org.socketinspector.model.NetNs;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketRecord;

/**
 * The socket a finding is about; all fields null for a host finding (whose {@code netns}, in a scan of several
 * namespaces, names the namespace whose facts it is about).
 *
 * @param netns the socket's network namespace when the audited scan spans several namespaces, else null (audit/2:
 *              written only when set)
 */
public record FindingSubject(Protocol protocol, Family family, String localAddress, Integer localPort, Integer pid,
                             NetNs netns) {

    public static final FindingSubject HOST = new FindingSubject(null, null, null, null, null, null);

    /** A subject without a namespace: the scan holds one namespace. */
    public FindingSubject(Protocol protocol, Family family, String localAddress, Integer localPort, Integer pid) {
        this(protocol, family, localAddress, localPort, pid, null);
    }

    public static FindingSubject of(SocketRecord socket) {
        return new FindingSubject(socket.protocol(), socket.family(), socket.localAddress(), socket.localPort(),
                socket.pid());
    }

    /** The subject of {@code socket} naming its namespace, for a scan of several namespaces. */
    static FindingSubject of(SocketRecord socket, boolean withNamespace) {
        return withNamespace ? FindingSubject.of(socket).in(socket.netns()) : FindingSubject.of(socket);
    }

    FindingSubject in(NetNs namespace) {
        return new FindingSubject(protocol, family, localAddress, localPort, pid, namespace);
    }

    public boolean isHost() {
        return protocol == null;
    }

    /** Its socket: same endpoint and pid, and same namespace when the subject names one. */
    public boolean isAbout(SocketRecord socket) {
        return !isHost() && protocol == socket.protocol() && family == socket.family()
                && localAddress.equals(socket.localAddress()) && localPort == socket.localPort()
                && Objects.equals(pid, socket.pid()) && (netns == null || netns.equals(socket.netns()));
    }
}
