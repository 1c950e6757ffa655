package org.socketinspector.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.socketinspector.model.AddressText;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;

/**
 * Builds sock_diag requests and decodes the kernel's answers: pure byte work, no system calls, so it is tested on
 * bytes captured from a real kernel. Layouts from include/uapi/linux/netlink.h, sock_diag.h and inet_diag.h;
 * the headers' own fields are in host byte order, ports and addresses in network order.
 */
final class InetDiag {

    // include/uapi/linux/netlink.h
    static final int NETLINK_SOCK_DIAG = 4;
    static final int NLMSG_HDRLEN = 16;
    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    static final int NLM_F_REQUEST = 0x1;
    static final int NLM_F_DUMP = 0x300; // NLM_F_ROOT | NLM_F_MATCH
    // include/uapi/linux/sock_diag.h
    static final int SOCK_DIAG_BY_FAMILY = 20;
    // include/uapi/linux/inet_diag.h
    static final int INET_DIAG_REQ_V2_SIZE = 56;
    static final int INET_DIAG_MSG_SIZE = 72;
    /**
     * Sent by the kernel for every AF_INET6 socket in LISTEN or CLOSE, whatever idiag_ext asks: it does not fit in
     * the 8-bit extension mask (net/ipv4/inet_diag.c, inet_diag_msg_attrs_fill).
     */
    static final int INET_DIAG_SKV6ONLY = 11;
    // include/linux/socket.h, include/uapi/linux/in.h
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int IPPROTO_TCP = 6;
    static final int IPPROTO_UDP = 17;

    private InetDiag() {
    }

    /** An nlmsghdr followed by an inet_diag_req_v2 that dumps every socket of one family and protocol in {@code states}. */
    static byte[] dumpRequest(Family family, Protocol protocol, int states, int sequence) {
        ByteBuffer b = ByteBuffer.allocate(NLMSG_HDRLEN + INET_DIAG_REQ_V2_SIZE).order(ByteOrder.nativeOrder());
        b.putInt(NLMSG_HDRLEN + INET_DIAG_REQ_V2_SIZE);   // nlmsg_len
        b.putShort((short) SOCK_DIAG_BY_FAMILY);            // nlmsg_type
        b.putShort((short) (NLM_F_REQUEST | NLM_F_DUMP));   // nlmsg_flags
        b.putInt(sequence);                                 // nlmsg_seq
        b.putInt(0);                                        // nlmsg_pid: the kernel
        b.put((byte) (family == Family.IPV4 ? AF_INET : AF_INET6)); // sdiag_family
        b.put((byte) (protocol == Protocol.TCP ? IPPROTO_TCP : IPPROTO_UDP)); // sdiag_protocol
        b.put((byte) 0);                                    // idiag_ext: nothing extra; SKV6ONLY comes anyway
        b.put((byte) 0);                                    // pad
        b.putInt(states);                                   // idiag_states
        // inet_diag_sockid id: all zero = no filter (48 bytes, already zero)
        return b.array();
    }

    /** A NLMSG_ERROR answer: the kernel refused the request. */
    static final class NetlinkError extends Exception {
        final int errno;

        NetlinkError(int errno) {
            super("sock_diag answered errno " + errno);
            this.errno = errno;
        }
    }

    /**
     * Decodes one buffer of a dump answer, appending its sockets to {@code out}.
     *
     * @return true when the buffer ended the dump (NLMSG_DONE)
     */
    static boolean parse(byte[] data, int length, Protocol protocol, List<DiagSocket> out) throws NetlinkError {
        ByteBuffer b = ByteBuffer.wrap(data, 0, length).order(ByteOrder.nativeOrder());
        int at = 0;
        while (at + NLMSG_HDRLEN <= length) {
            int messageLength = b.getInt(at);
            int type = b.getShort(at + 4) & 0xffff;
            if (messageLength < NLMSG_HDRLEN || at + messageLength > length) {
                throw new IllegalArgumentException("netlink message at byte " + at + " has length " + messageLength
                        + " but the buffer has " + (length - at) + " bytes left");
            }
            if (type == NLMSG_DONE) {
                return true;
            }
            if (type == NLMSG_ERROR) {
                int error = b.getInt(at + NLMSG_HDRLEN);
                if (error != 0) {
                    throw new NetlinkError(-error);
                }
            } else if (type == SOCK_DIAG_BY_FAMILY) {
                out.add(socket(data, b, at + NLMSG_HDRLEN, at + messageLength, protocol));
            }
            at += align(messageLength);
        }
        return false;
    }

    private static DiagSocket socket(byte[] data, ByteBuffer b, int msg, int end, Protocol protocol) {
        if (end - msg < INET_DIAG_MSG_SIZE) {
            throw new IllegalArgumentException("inet_diag_msg at byte " + msg + " is " + (end - msg)
                    + " bytes, expected at least " + INET_DIAG_MSG_SIZE);
        }
        Family family = (data[msg] & 0xff) == AF_INET6 ? Family.IPV6 : Family.IPV4;
        int state = data[msg + 1] & 0xff;
        int sport = port(data, msg + 4);
        int dport = port(data, msg + 6);
        String src = AddressText.format(data, msg + 8, family);
        String dst = AddressText.format(data, msg + 24, family);
        int ifIndex = b.getInt(msg + 40);
        Long uid = state == TcpStates.TIME_WAIT ? null : b.getInt(msg + 64) & 0xffffffffL;
        long inode = b.getInt(msg + 68) & 0xffffffffL;
        // idiag_cookie[2]: the low 32 bits first (net/core/sock_diag.c, sock_diag_save_cookie)
        long cookie = (b.getInt(msg + 44) & 0xffffffffL) | ((b.getInt(msg + 48) & 0xffffffffL) << 32);
        Boolean v6only = null;
        for (int at = msg + INET_DIAG_MSG_SIZE; at + 4 <= end; ) {
            int attrLength = b.getShort(at) & 0xffff;
            int attrType = b.getShort(at + 2) & 0xffff;
            if (attrLength < 4) {
                throw new IllegalArgumentException("rtattr at byte " + at + " has length " + attrLength);
            }
            if (attrType == INET_DIAG_SKV6ONLY && attrLength >= 5) {
                v6only = data[at + 4] != 0;
            }
            at += align(attrLength);
        }
        boolean unconnected = dport == 0 && (state == TcpStates.LISTEN || state == TcpStates.CLOSE);
        return new DiagSocket(protocol, family, state, src, sport, unconnected ? null : dst, unconnected ? 0 : dport,
                ifIndex, uid, inode, v6only, cookie);
    }

    private static int port(byte[] data, int at) {
        return ((data[at] & 0xff) << 8) | (data[at + 1] & 0xff);
    }

    /** NLMSG_ALIGN and RTA_ALIGN: 4 bytes. */
    private static int align(int length) {
        return (length + 3) & ~3;
    }
}
