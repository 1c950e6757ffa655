package org.socketinspector.sockets.linux;

import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/** struct sockaddr_in6 from &lt;netinet/in.h&gt;. Port and address are byte arrays: they are in network byte order. */
@FieldOrder({"sin6_family", "sin6_port", "sin6_flowinfo", "sin6_addr", "sin6_scope_id"})
public class SockaddrIn6 extends Structure {
    public short sin6_family;
    public byte[] sin6_port = new byte[2];
    public int sin6_flowinfo;
    public byte[] sin6_addr = new byte[16];
    public int sin6_scope_id;
}
