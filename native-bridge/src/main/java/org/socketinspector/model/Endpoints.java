package org.socketinspector.model;

/** Text forms of address:port pairs. */
public final class Endpoints {
    private Endpoints() {
    }

    /** "127.0.0.1:80", "[::1]:80". */
    public static String format(String address, int port) {
        return Family.ofAddress(address) == Family.IPV6 ? "[" + address + "]:" + port : address + ":" + port;
    }
}
