package org.socketinspector.sockets.windows;

import java.util.Map;

/** Names of the Winsock error codes the calls of {@link WinsockSockets} can return (winerror.h). */
public final class WinsockErrors {

    public static final int WSAEINTR = 10004;
    public static final int WSAEACCES = 10013;
    public static final int WSAEFAULT = 10014;
    public static final int WSAEINVAL = 10022;
    public static final int WSAEMFILE = 10024;
    public static final int WSAENOTSOCK = 10038;
    public static final int WSAENOPROTOOPT = 10042;
    public static final int WSAEPROTONOSUPPORT = 10043;
    public static final int WSAESOCKTNOSUPPORT = 10044;
    public static final int WSAEOPNOTSUPP = 10045;
    public static final int WSAEAFNOSUPPORT = 10047;
    public static final int WSAEADDRINUSE = 10048;
    public static final int WSAEADDRNOTAVAIL = 10049;
    public static final int WSAENETDOWN = 10050;
    public static final int WSAENOBUFS = 10055;
    public static final int WSAEISCONN = 10056;
    public static final int WSAEINPROGRESS = 10036;
    public static final int WSAEWOULDBLOCK = 10035;
    public static final int WSAEMSGSIZE = 10040;
    public static final int WSAENETUNREACH = 10051;
    public static final int WSAECONNABORTED = 10053;
    public static final int WSAECONNRESET = 10054;
    public static final int WSAENOTCONN = 10057;
    public static final int WSAESHUTDOWN = 10058;
    public static final int WSAETIMEDOUT = 10060;
    public static final int WSAECONNREFUSED = 10061;
    public static final int WSAEHOSTUNREACH = 10065;
    public static final int WSASYSNOTREADY = 10091;
    public static final int WSAVERNOTSUPPORTED = 10092;
    public static final int WSANOTINITIALISED = 10093;
    public static final int WSAEPROVIDERFAILEDINIT = 10106;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(WSAEINTR, "WSAEINTR"),
            Map.entry(WSAEACCES, "WSAEACCES"),
            Map.entry(WSAEFAULT, "WSAEFAULT"),
            Map.entry(WSAEINVAL, "WSAEINVAL"),
            Map.entry(WSAEMFILE, "WSAEMFILE"),
            Map.entry(WSAENOTSOCK, "WSAENOTSOCK"),
            Map.entry(WSAENOPROTOOPT, "WSAENOPROTOOPT"),
            Map.entry(WSAEPROTONOSUPPORT, "WSAEPROTONOSUPPORT"),
            Map.entry(WSAESOCKTNOSUPPORT, "WSAESOCKTNOSUPPORT"),
            Map.entry(WSAEOPNOTSUPP, "WSAEOPNOTSUPP"),
            Map.entry(WSAEAFNOSUPPORT, "WSAEAFNOSUPPORT"),
            Map.entry(WSAEADDRINUSE, "WSAEADDRINUSE"),
            Map.entry(WSAEADDRNOTAVAIL, "WSAEADDRNOTAVAIL"),
            Map.entry(WSAENETDOWN, "WSAENETDOWN"),
            Map.entry(WSAENOBUFS, "WSAENOBUFS"),
            Map.entry(WSAEISCONN, "WSAEISCONN"),
            Map.entry(WSAEINPROGRESS, "WSAEINPROGRESS"),
            Map.entry(WSAEWOULDBLOCK, "WSAEWOULDBLOCK"),
            Map.entry(WSAEMSGSIZE, "WSAEMSGSIZE"),
            Map.entry(WSAENETUNREACH, "WSAENETUNREACH"),
            Map.entry(WSAECONNABORTED, "WSAECONNABORTED"),
            Map.entry(WSAECONNRESET, "WSAECONNRESET"),
            Map.entry(WSAENOTCONN, "WSAENOTCONN"),
            Map.entry(WSAESHUTDOWN, "WSAESHUTDOWN"),
            Map.entry(WSAETIMEDOUT, "WSAETIMEDOUT"),
            Map.entry(WSAECONNREFUSED, "WSAECONNREFUSED"),
            Map.entry(WSAEHOSTUNREACH, "WSAEHOSTUNREACH"),
            Map.entry(WSASYSNOTREADY, "WSASYSNOTREADY"),
            Map.entry(WSAVERNOTSUPPORTED, "WSAVERNOTSUPPORTED"),
            Map.entry(WSANOTINITIALISED, "WSANOTINITIALISED"),
            Map.entry(WSAEPROVIDERFAILEDINIT, "WSAEPROVIDERFAILEDINIT"));

    private WinsockErrors() {
    }

    /** "WSAEADDRINUSE" for 10048; "WSA error 12345" for a code this table does not know. */
    public static String name(int code) {
        String name = NAMES.get(code);
        return name != null ? name : "WSA error " + code;
    }
}
