package org.socketinspector.windows;

import com.sun.jna.platform.win32.IPHlpAPI;
import com.sun.jna.platform.win32.IPHlpAPI.TCP_TABLE_CLASS;
import com.sun.jna.platform.win32.IPHlpAPI.UDP_TABLE_CLASS;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;

/**
 * The six IP Helper tables the collector reads: {@code GetExtendedTcpTable} / {@code GetExtendedUdpTable} with an
 * address family and a table class. Each has a fixed row layout (iphlpapi.h, tcpmib.h, udpmib.h); the row sizes
 * are those of jna-platform's structures, checked by {@code IpHelperStructLayoutTest}.
 */
public enum TableKind {
    TCP4_ALL(Protocol.TCP, Family.IPV4, TCP_TABLE_CLASS.TCP_TABLE_OWNER_PID_ALL, 24, "tcp4_owner_pid_all"),
    TCP4_LISTENER(Protocol.TCP, Family.IPV4, TCP_TABLE_CLASS.TCP_TABLE_OWNER_PID_LISTENER, 24, "tcp4_owner_pid_listener"),
    TCP6_ALL(Protocol.TCP, Family.IPV6, TCP_TABLE_CLASS.TCP_TABLE_OWNER_PID_ALL, 56, "tcp6_owner_pid_all"),
    TCP6_LISTENER(Protocol.TCP, Family.IPV6, TCP_TABLE_CLASS.TCP_TABLE_OWNER_PID_LISTENER, 56, "tcp6_owner_pid_listener"),
    UDP4(Protocol.UDP, Family.IPV4, UDP_TABLE_CLASS.UDP_TABLE_OWNER_PID, 12, "udp4_owner_pid"),
    UDP6(Protocol.UDP, Family.IPV6, UDP_TABLE_CLASS.UDP_TABLE_OWNER_PID, 28, "udp6_owner_pid");

    /** The dwNumEntries DWORD before the rows of every MIB_*TABLE_OWNER_PID. */
    public static final int HEADER_SIZE = 4;

    private final Protocol protocol;
    private final Family family;
    private final int tableClass;
    private final int rowSize;
    private final String label;

    TableKind(Protocol protocol, Family family, int tableClass, int rowSize, String label) {
        this.protocol = protocol;
        this.family = family;
        this.tableClass = tableClass;
        this.rowSize = rowSize;
        this.label = label;
    }

    public Protocol protocol() {
        return protocol;
    }

    public Family family() {
        return family;
    }

    /** ulAf: AF_INET (2) or AF_INET6 (23), ws2def.h. */
    public int addressFamily() {
        return family == Family.IPV4 ? IPHlpAPI.AF_INET : IPHlpAPI.AF_INET6;
    }

    /** TableClass: a TCP_TABLE_CLASS or UDP_TABLE_CLASS value. */
    public int tableClass() {
        return tableClass;
    }

    /** sizeof the row structure, in bytes. */
    public int rowSize() {
        return rowSize;
    }

    /** The API call and its arguments, for messages; also the file name of the fixtures. */
    public String label() {
        return label;
    }

    public String call() {
        return (protocol == Protocol.TCP ? "GetExtendedTcpTable" : "GetExtendedUdpTable") + "(" + label + ")";
    }
}
