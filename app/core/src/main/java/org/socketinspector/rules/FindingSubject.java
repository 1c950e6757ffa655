package org.socketinspector.rules;

import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketRecord;

/** The socket a finding is about; all fields null for a host finding. */
public record FindingSubject(Protocol protocol, Family family, String localAddress, Integer localPort, Integer pid) {

    public static final FindingSubject HOST = new FindingSubject(null, null, null, null, null);

    public static FindingSubject of(SocketRecord socket) {
        return new FindingSubject(socket.protocol(), socket.family(), socket.localAddress(), socket.localPort(),
                socket.pid());
    }

    public boolean isHost() {
        return protocol == null;
    }

    public boolean isAbout(SocketRecord socket) {
        return !isHost() && protocol == socket.protocol() && family == socket.family()
                && localAddress.equals(socket.localAddress()) && localPort == socket.localPort()
                && java.util.Objects.equals(pid, socket.pid());
    }
}
