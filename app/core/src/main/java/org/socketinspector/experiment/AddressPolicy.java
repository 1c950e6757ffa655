package org.socketinspector.experiment;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;

/**
 * Where an experiment may bind and send. Traffic goes only to loopback (127.0.0.0/8, ::1), and sockets bind only
 * loopback or the wildcard (a wildcard socket lives for one experiment and gets only our own loopback traffic);
 * inside a namespace the experiment created, the same rule holds (the namespace has only its own lo). A probe
 * may also bind one of this machine's own addresses, to test its own listener there. Anything else, including
 * host names (never resolved), is refused.
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    /** For a lab socket (replay, matrix): loopback or wildcard. */
    public static String requireLab(String address) throws ExperimentException {
        InetAddress ip = literal(address);
        if (ip.isLoopbackAddress() || ip.isAnyLocalAddress()) {
            return canonical(ip);
        }
        throw new ExperimentException("refusing address " + address
                + ": experiments use only loopback (127.0.0.0/8, ::1) or the wildcard");
    }

    /** For traffic a client sends: loopback only. */
    public static String requireDestination(String address) throws ExperimentException {
        InetAddress ip = literal(address);
        if (!ip.isLoopbackAddress()) {
            throw new ExperimentException("refusing to send to " + address + ": experiments send only to loopback");
        }
        return canonical(ip);
    }

    /** For a probe of one of this machine's listeners: loopback, wildcard, or an address of a local interface. */
    public static String requireProbeTarget(String address) throws ExperimentException {
        InetAddress ip = literal(address);
        if (ip.isLoopbackAddress() || ip.isAnyLocalAddress() || isOwnAddress(ip)) {
            return canonical(ip);
        }
        throw new ExperimentException("refusing to probe " + address
                + ": it is not loopback, the wildcard or an address of this machine");
    }

    /**
     * Whether a UDP socket can bind the address (port 0, nothing sent): only this machine's own addresses bind.
     * Listing the interfaces instead (NetworkInterface) kills the JVM under Wine 8 (docs/windows.md).
     */
    private static boolean isOwnAddress(InetAddress ip) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(ip, 0))) {
            return socket.isBound();
        } catch (SocketException e) {
            return false;
        }
    }

    private static String canonical(InetAddress ip) {
        String text = ip.getHostAddress();
        int zone = text.indexOf('%');
        text = zone >= 0 ? text.substring(0, zone) : text;
        return switch (text) {
            case "0:0:0:0:0:0:0:0" -> "::";
            case "0:0:0:0:0:0:0:1" -> "::1";
            default -> text;
        };
    }

    private static InetAddress literal(String address) throws ExperimentException {
        String text = address == null ? "" : address.trim();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            throw new ExperimentException("'" + address + "' is not an IP address literal (host names are never resolved)");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new ExperimentException("'" + address + "' is not a valid IP address");
        }
    }
}
