package org.socketinspector.sockets.linux;

import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/** struct sockaddr_in from &lt;netinet/in.h&gt;. Port and address are byte arrays: they are in network byte order. */
@FieldOrder({"sin_family", "sin_port", "sin_addr", "sin_zero"})
public class SockaddrIn extends Structure {
    public short sin_family;
    public byte[] sin_port = new byte[2];
    public byte[] sin_addr = new byte[4];
    public byte[] sin_zero = new byte[8];
}
