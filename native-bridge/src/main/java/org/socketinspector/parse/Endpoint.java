package org.socketinspector.parse;

import java.util.Optional;

/**
 * One "address:port" cell of a capture, split and canonicalized.
 *
 * @param address   canonical numeric address; "0.0.0.0"/"::" for a wildcard; null for an unspecified peer ("*:*");
 *                  a host name as written when it stands for an unknown address ({@code unknown})
 * @param port      the port, or null when the text says "*" (or a remote service name the table lacks)
 * @param host      the host name as written when the cell had one, else null
 * @param service   the service name as written when the cell had one, else null
 * @param unknown   the address is a name that was not resolved
 * @param truncated the tool cut the cell to its column width
 */
record Endpoint(String address, Integer port, String host, String service, boolean unknown, boolean truncated) {

    Endpoint(String address, Integer port) {
        this(address, port, null, null, false, false);
    }

    /** Whether this is a peer that is no peer: "*:*", "0.0.0.0:*", "0.0.0.0:0", "[::]:0". */
    boolean isUnspecified() {
        return address == null || ((port == null || port == 0) && ("0.0.0.0".equals(address) || "::".equals(address)));
    }

    /**
     * Splits "host:port" where the port follows the last colon and IPv6 hosts are bracketed ("[fe80::1%12]:1900")
     * or bare as net-tools prints them (":::22", "::1:631"). Interface suffixes ss adds to IPv4
     * ("127.0.0.53%lo:53") are dropped: IPv4 has no zones in the model.
     */
    static Optional<HostPort> splitColon(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return Optional.empty();
        }
        String host = text.substring(0, colon);
        String port = text.substring(colon + 1);
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            String zoneAfterBracket = host.substring(close + 1); // ss: [fe80::1]%eth0
            host = host.substring(1, close) + (zoneAfterBracket.startsWith("%") ? zoneAfterBracket : "");
            if (!zoneAfterBracket.isEmpty() && !zoneAfterBracket.startsWith("%")) {
                return Optional.empty();
            }
        } else if (host.indexOf(':') < 0 && host.indexOf('%') > 0) {
            host = host.substring(0, host.indexOf('%'));
        }
        return Optional.of(new HostPort(host, port));
    }

    /** Splits BSD style "host.port" (macOS and FreeBSD netstat: "127.0.0.1.631", "::1.8888", "*.*", "localhost.ssh"). */
    static Optional<HostPort> splitDot(String text) {
        int dot = text.lastIndexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new HostPort(text.substring(0, dot), text.substring(dot + 1)));
    }

    /** A split but not yet validated endpoint. */
    record HostPort(String host, String port) {

        boolean portIsName() {
            return !port.isEmpty() && Character.isLetter(port.charAt(0));
        }

        /** The port as a number 0..65535, "*" as null; empty if it is neither (e.g. a service name). */
        Optional<Optional<Integer>> portNumber() {
            if ("*".equals(port)) {
                return Optional.of(Optional.empty());
            }
            if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int value = Integer.parseInt(port);
            return value > 65535 ? Optional.empty() : Optional.of(Optional.of(value));
        }
    }
}
