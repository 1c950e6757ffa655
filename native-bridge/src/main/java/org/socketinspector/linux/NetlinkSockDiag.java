package org.socketinspector.linux;

import org.socketinspector.nativeio.Errno;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.nativeio.LibC;

/** Dumps the kernel's TCP and UDP socket tables through a NETLINK_SOCK_DIAG socket, as {@code ss} does. */
final class NetlinkSockDiag {

    /** One recv never blocks longer than this: a dump that stalls fails the scan instead of hanging it. */
    private static final long RECEIVE_TIMEOUT_SECONDS = 5;
    /** A dump answer fills at most about 32 KiB per recv (the kernel's dump skb); 64 KiB leaves room. */
    private static final int BUFFER_SIZE = 64 * 1024;

    private final byte[] buffer = new byte[BUFFER_SIZE];

    /** TCP sockets in {@code tcpStates} and every UDP socket, both families. */
    List<DiagSocket> dump(int tcpStates) throws IOException {
        if (!NativeAccess.available()) {
            throw new IOException(NativeAccess.PROBLEM);
        }
        int fd = LinuxLibc.socket(LinuxLibc.AF_NETLINK, LinuxLibc.SOCK_RAW | LibC.SOCK_CLOEXEC,
                InetDiag.NETLINK_SOCK_DIAG);
        if (fd < 0) {
            throw new IOException("socket(AF_NETLINK, NETLINK_SOCK_DIAG) failed: " + Errno.name(LinuxLibc.errno()));
        }
        try {
            long[] timeout = {RECEIVE_TIMEOUT_SECONDS, 0};
            LinuxLibc.setsockopt(fd, LibC.SOL_SOCKET, LinuxLibc.SO_RCVTIMEO, timeout, 16);
            List<DiagSocket> sockets = new ArrayList<>();
            int sequence = 1;
            for (Protocol protocol : Protocol.values()) {
                int states = protocol == Protocol.TCP ? tcpStates : TcpStates.ALL_STATES_MASK;
                for (Family family : Family.values()) {
                    dumpOne(fd, InetDiag.dumpRequest(family, protocol, states, sequence++), protocol, sockets);
                }
            }
            return sockets;
        } finally {
            LinuxLibc.close(fd);
        }
    }

    private void dumpOne(int fd, byte[] request, Protocol protocol, List<DiagSocket> out) throws IOException {
        if (LinuxLibc.send(fd, request, request.length, 0) != request.length) {
            throw new IOException("sock_diag send failed: " + Errno.name(LinuxLibc.errno()));
        }
        boolean done = false;
        while (!done) {
            long received = LinuxLibc.recv(fd, buffer, buffer.length, 0);
            if (received <= 0) {
                throw new IOException("sock_diag recv failed: "
                        + (received == 0 ? "connection closed" : Errno.name(LinuxLibc.errno())));
            }
            try {
                done = InetDiag.parse(buffer, (int) received, protocol, out);
            } catch (InetDiag.NetlinkError e) {
                throw new IOException("sock_diag refused the " + protocol.wireName() + " dump: "
                        + Errno.name(e.errno), e);
            }
        }
    }
}
