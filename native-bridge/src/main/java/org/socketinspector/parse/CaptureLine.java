package org.socketinspector.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketRecord;

/** One line of a capture being read, with what is needed to name it in an error. */
final class CaptureLine {

    private static final int QUOTE_LIMIT = 80;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    final String source;
    final long number;
    final String text;

    CaptureLine(String source, long number, String text) {
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
        return new CaptureParseException(source, number, expected + ", found \"" + org.socketinspector.text.TerminalText.escape(shown) + "\"", expected);
    }

    String[] tokens() {
        String stripped = text.strip();
        return stripped.isEmpty() ? new String[0] : WHITESPACE.split(stripped);
    }

    /** Names of the loopback address as /etc/hosts of Debian, Ubuntu, RHEL and macOS write them. */
    private static final java.util.Set<String> LOCALHOST_V4_OR_ANY = java.util.Set.of("localhost", "localhost.localdomain");
    private static final java.util.Set<String> LOCALHOST_V6 = java.util.Set.of("ip6-localhost", "ip6-loopback",
            "localhost6", "localhost6.localdomain6");
    /**
     * A host name as tools print it: letters, digits, '-', '_' and dots. A label may be all digits: Windows netstat
     * without -n prints a resolved name's first label only, and that can be {@code 25} or {@code 124} (issue 18 #15).
     */
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]*)(\\.[A-Za-z0-9_-]+)*\\.?");
    /** Dotted and all digits: a broken IPv4 address, not a name (a name's top label is never all digits, RFC 3696 §2). */
    private static final Pattern DOTTED_DIGITS = Pattern.compile("[0-9.]*\\.[0-9.]*");

    /**
     * A local endpoint: a numeric address, "*" (the wildcard of {@code family}), {@code localhost} (the loopback of
     * the row's family) or another host name (kept as written, marked unknown: never resolved), and a port as a
     * number or a service name from the embedded table.
     *
     * @param family the row's family, or null when the row does not say (Windows netstat); then IPv4 is assumed
     * @param cut    the cell fills the tool's column, so a name in it may have been cut
     */
    Endpoint local(Optional<Endpoint.HostPort> split, String column, Family family, Protocol protocol, boolean cut)
            throws CaptureParseException {
        Endpoint.HostPort hostPort = split.orElseThrow(() -> error("expected address:port as the " + column));
        String service = null;
        Integer port;
        if (hostPort.portIsName()) {
            service = hostPort.port();
            port = ServiceNames.port(service, protocol);
            if (port == null) {
                throw error("unknown service name \"" + service + "\" as the port in the " + column
                        + " (not in the embedded services table; capture with -n)");
            }
        } else {
            // "*" as a local port: a UDP socket not yet bound to a port (macOS "*.*"), i.e. port 0.
            port = hostPort.portNumber()
                    .orElseThrow(() -> error("expected a port number or service name in the " + column))
                    .orElse(0);
        }
        String host = hostPort.host();
        if ("*".equals(host)) {
            return new Endpoint(family == Family.IPV6 ? "::" : "0.0.0.0", port, null, service, false, false);
        }
        return hostEndpoint(host, port, service, family, column, cut);
    }

    /**
     * A remote endpoint: like {@link #local}, but "*" hosts and ports mean "no peer", names are kept as text
     * (netstat without -n prints the machine's own name for listeners, "DESKTOP-9JPISDO:0"), and a service name the
     * table lacks leaves the port null.
     */
    Endpoint remote(Optional<Endpoint.HostPort> split, String column, Family family, Protocol protocol, boolean cut)
            throws CaptureParseException {
        Endpoint.HostPort hostPort = split.orElseThrow(() -> error("expected address:port as the " + column));
        String service = hostPort.portIsName() ? hostPort.port() : null;
        Integer port = service != null ? ServiceNames.port(service, protocol)
                : hostPort.portNumber().orElse(Optional.empty()).orElse(null);
        String host = hostPort.host();
        if ("*".equals(host)) {
            return new Endpoint(null, port, null, service, false, false);
        }
        if (host.isEmpty()) {
            throw error("expected an address in the " + column);
        }
        return hostEndpoint(host, port, service, family, column, cut);
    }

    /**
     * A host that is neither "*" nor empty: an IP literal, a localhost name (the loopback of the row's family), or
     * any other name, kept as written and marked unresolved (never looked up).
     */
    private Endpoint hostEndpoint(String host, Integer port, String service, Family family, String column, boolean cut)
            throws CaptureParseException {
        Optional<String> numeric = IpLiterals.canonical(host);
        if (numeric.isPresent()) {
            return new Endpoint(numeric.get(), port, null, service, false, false);
        }
        String loopback = loopback(host, family);
        if (loopback != null) {
            return new Endpoint(loopback, port, host, service, false, false);
        }
        if (!HOST_NAME.matcher(host).matches() || DOTTED_DIGITS.matcher(host).matches() || host.length() > 253) {
            throw error("expected an IP address or host name in the " + column);
        }
        return new Endpoint(host, port, host, service, true, cut);
    }

    private static String loopback(String host, Family family) {
        String lower = host.toLowerCase(java.util.Locale.ROOT);
        if (LOCALHOST_V6.contains(lower)) {
            return "::1";
        }
        if (LOCALHOST_V4_OR_ANY.contains(lower)) {
            return family == Family.IPV6 ? "::1" : "127.0.0.1";
        }
        return null;
    }

    /** The names of a row, for {@link SocketRecord#names()}: null when both endpoints were numeric. */
    static org.socketinspector.model.EndpointNames names(Endpoint local, Endpoint remote) {
        return org.socketinspector.model.EndpointNames.ofNullable(local.host(), local.service(),
                remote == null ? null : remote.host(), remote == null ? null : remote.service(),
                local.unknown(), local.truncated() || remote != null && remote.truncated());
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
}
