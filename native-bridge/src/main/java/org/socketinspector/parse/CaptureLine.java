package org.socketinspector.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.socketinspector.model.Family;

/** One line of a capture being read, with what is needed to name it in an error. */
final class CaptureLine {

    private static final int QUOTE_LIMIT = 80;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    final String source;
    final int number;
    final String text;

    CaptureLine(String source, int number, String text) {
        this.source = source;
        this.number = number;
        this.text = text;
    }

    /** The lines of a capture, numbered from 1; CRLF, LF and CR all end a line. */
    static List<CaptureLine> lines(String text, String source) {
        String[] lines = text.split("\\R", -1);
        List<CaptureLine> result = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            result.add(new CaptureLine(source, i + 1, lines[i]));
        }
        return result;
    }

    /** "expected X, found "<the line>"" at this line. */
    CaptureParseException error(String expected) {
        String shown = text.strip();
        if (shown.length() > QUOTE_LIMIT) {
            shown = shown.substring(0, QUOTE_LIMIT) + "…";
        }
        return new CaptureParseException(source, number, expected + ", found \"" + printable(shown) + "\"");
    }

    String[] tokens() {
        String stripped = text.strip();
        return stripped.isEmpty() ? new String[0] : WHITESPACE.split(stripped);
    }

    /** A local endpoint: numeric address (or "*" meaning the wildcard of {@code wildcard}) and a numeric port. */
    Endpoint local(Optional<Endpoint.HostPort> split, String column, Family wildcard) throws CaptureParseException {
        Endpoint.HostPort hostPort = split.orElseThrow(() -> error("expected address:port as the " + column));
        // "*" as a local port: a UDP socket not yet bound to a port (macOS "*.*"), i.e. port 0.
        Integer port = hostPort.portNumber()
                .orElseThrow(() -> error("expected a numeric port in the " + column + " (capture with -n)"))
                .orElse(0);
        if ("*".equals(hostPort.host())) {
            return new Endpoint(wildcard == Family.IPV6 ? "::" : "0.0.0.0", port);
        }
        String address = IpLiterals.canonical(hostPort.host())
                .orElseThrow(() -> error("expected a numeric IP address in the " + column
                        + " (capture with -n; long IPv6 addresses need the tool's wide option)"));
        return new Endpoint(address, port);
    }

    /**
     * A remote endpoint: like {@link #local}, but "*" hosts and ports mean "no peer", and names are kept as text
     * (netstat without -n prints the machine's own name for listeners, "DESKTOP-9JPISDO:0", and service names
     * for ports, "a172-226-117-113:https", which leave the port null).
     */
    Endpoint remote(Optional<Endpoint.HostPort> split, String column) throws CaptureParseException {
        Endpoint.HostPort hostPort = split.orElseThrow(() -> error("expected address:port as the " + column));
        // A service name ("https") from a capture without -n: the peer stays known by name, its port unknown.
        Optional<Integer> port = hostPort.portNumber().orElse(Optional.empty());
        if ("*".equals(hostPort.host())) {
            return new Endpoint(null, port.orElse(null));
        }
        if (hostPort.host().isEmpty()) {
            throw error("expected an address in the " + column);
        }
        return new Endpoint(IpLiterals.canonical(hostPort.host()).orElse(hostPort.host()), port.orElse(null));
    }

    static Integer number(String text) {
        if (text == null || text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long value = Long.parseLong(text);
        return value > Integer.MAX_VALUE ? null : (int) value;
    }

    /** A non-negative decimal that fits a long (inodes), or null. */
    static Long longNumber(String text) {
        if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(text);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0xFFFD) {
                out.append(String.format("\\x%02x", c & 0xff));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
