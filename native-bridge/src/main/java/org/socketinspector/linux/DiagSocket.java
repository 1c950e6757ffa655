package org.socketinspector.linux;

import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;

/**
 * One socket as the kernel's socket table describes it (sock_diag or /proc/net), before owner attribution.
 *
 * @param state          kernel TCP state number (include/net/tcp_states.h); UDP uses 7 (CLOSE) unless connected
 * @param interfaceIndex bound interface index (sock_diag id.idiag_if), 0 when none or unknown
 * @param uid            the socket's owner uid (sock_i_uid); null for TIME_WAIT, where the kernel reports 0 for
 *                       every socket (net/ipv4/inet_diag.c inet_twsk_diag_fill; /proc/net/tcp likewise)
 * @param inode          the socket inode; 0 for sockets no process holds (TIME_WAIT, request sockets)
 * @param v6only         IPV6_V6ONLY as sock_diag reports it (IPv6 LISTEN/CLOSE sockets only), else null
 * @param cookie         the kernel's unique socket cookie (sock_diag id.idiag_cookie, SO_COOKIE); 0 when unknown
 */
record DiagSocket(Protocol protocol, Family family, int state, String localAddress, int localPort,
                  String remoteAddress, int remotePort, int interfaceIndex, Long uid, long inode, Boolean v6only,
                  long cookie) {
}
