package org.socketinspector.ui.sockets;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.socketinspector.model.Endpoints;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Severity;
import org.socketinspector.semantics.OsFamily;

/** How the GUI writes socket values: one place, so that the table, the side panel and the filter agree. */
public final class SocketText {

    public static final String UNKNOWN = SocketOptions.UNKNOWN_TEXT;

    private SocketText() {
    }

    /** The options in their one text form ({@link SocketOptions#text}), e.g. "reuseaddr reuseport?", on {@code os}. */
    public static String flags(SocketRecord s, OsFamily os) {
        return s.options().text(os.options(s.family()));
    }

    /** yes / no / unknown: null never means false. */
    public static String option(Boolean value) {
        return value == null ? UNKNOWN : value ? "yes" : "no";
    }

    public static String remote(SocketRecord s) {
        return s.remoteAddress() == null || s.remotePort() == null ? "" : Endpoints.format(s.remoteAddress(), s.remotePort());
    }

    /** The owner's user name, else its uid, else empty. */
    public static String user(SocketRecord s) {
        if (s.process() != null && s.process().user() != null) {
            return s.process().user();
        }
        Integer uid = s.process() != null && s.process().uid() != null ? s.process().uid() : s.uid();
        return uid == null ? "" : "uid " + uid;
    }

    public static String process(SocketRecord s) {
        return s.process() == null || s.process().name() == null ? "" : s.process().name();
    }

    public static String state(SocketRecord s) {
        return s.state() == null ? (s.protocol().wireName().equals("udp") ? "bound" : "") : s.state();
    }

    public static String severity(Severity severity) {
        return severity == null ? "" : severity.name();
    }

    /**
     * A text that sorts local endpoints as a person expects: IPv4 before IPv6, addresses numerically, then port.
     */
    public static String endpointSortKey(String address, int port) {
        byte[] bytes = literalBytes(address);
        StringBuilder key = new StringBuilder(48);
        if (bytes == null) {
            key.append('9').append(address.toLowerCase(Locale.ROOT));
        } else {
            key.append(bytes.length == 4 ? '4' : '6');
            for (byte b : bytes) {
                key.append(String.format(Locale.ROOT, "%02x", b & 0xff));
            }
        }
        return key.append(String.format(Locale.ROOT, "/%05d", port)).toString();
    }

    /**
     * The bytes of an IP literal, or null when the text is none. Never a name lookup: IPv4 is parsed here, and
     * IPv6 goes to InetAddress in brackets, which makes it parse a literal or fail.
     */
    public static byte[] literalBytes(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        if (address.indexOf(':') >= 0) {
            try {
                return InetAddress.getByName("[" + address + "]").getAddress();
            } catch (UnknownHostException | IllegalArgumentException e) {
                return null;
            }
        }
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
                return null;
            }
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return bytes;
    }
}
