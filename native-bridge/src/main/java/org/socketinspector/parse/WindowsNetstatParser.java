package org.socketinspector.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.socketinspector.model.Family;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketRecord;

/**
 * Reads Windows {@code netstat -ano}, {@code -an} and {@code -anob} in any display language.
 *
 * <p>Titles and headers are translated (Russian even names the first column "Имя"), so only the row shape is
 * trusted: a first token TCP or UDP, then local and foreign address:port, then the state (TCP only) and the PID
 * when -o was given. A TCP row is listening when its foreign address is {@code 0.0.0.0:0}, {@code [::]:0} or
 * {@code <name>:0}, whatever the state word says (docs/import.md, shared reference netstat-windows-locales.md).
 * State words other than English and the German ones seen in real captures are kept as the native state only.
 *
 * <p>With -b, the lines after a row belong to it: optional service names indented by two spaces, then
 * {@code  [image.exe]}, or one line saying that ownership could not be obtained.
 */
public final class WindowsNetstatParser implements CaptureParser {

    /**
     * German state words, all seen in real captures except the two marked: see docs/import.md for the evidence.
     * "ABHÖREN" is matched by {@link #GERMAN_LISTENING} so that its CP850 mojibake forms are recognised too.
     */
    private static final Map<String, String> GERMAN_STATES = Map.of(
            "HERGESTELLT", "ESTABLISHED",
            "WARTEND", "TIME_WAIT",
            "SCHLIESSEN_WARTEN", "CLOSE_WAIT",
            "FIN_WARTEN_2", "FIN_WAIT2",
            "SYN_GESENDET", "SYN_SENT",   // mapping tables only (systeminformation, Checkmk), no capture
            "SCHLIESSEND", "CLOSING");    // mapping tables only (Checkmk), no capture

    /** ABHÖREN, and the same word after an OEM/ANSI mix-up: ABH™REN (CP850 0x99 read as Windows-1252), ABH?REN. */
    private static final Pattern GERMAN_LISTENING = Pattern.compile("ABH.REN");

    /** "-b could not read the owner" in the languages it was seen in (the Spanish one also CP850-mangled). */
    private static final List<String> NO_OWNER_LINES = List.of(
            "can not obtain ownership information",
            "impossible d’obtenir les informations de propriétaire",
            "impossible d'obtenir les informations de propriétaire",
            "no se puede obtener información de propiedad",
            "no se puede obtener informaci¢n de propiedad");

    /** A Windows service's short name as -b prints it above the image ("RpcSs", "CDPSvc", "iphlpsvc"). */
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.$-]{0,255}");

    @Override
    public CaptureFormat format() {
        return CaptureFormat.NETSTAT_WINDOWS;
    }

    @Override
    public LineParser start(String source) {
        return new Reader();
    }

    private static final class Reader implements LineParser {
        private final SkippedLines ignored = new SkippedLines();
        private final Set<String> unknownStates = new TreeSet<>();
        private int noOwner;
        private long named;
        private Pending pending;

        @Override
        public boolean accept(CaptureLine line, Consumer<SocketRecord> out) throws CaptureParseException {
            String[] tokens = line.tokens();
            if (ignored.blank(tokens)) {
                return false;
            }
            Protocol protocol = protocol(tokens[0]);
            if (protocol != null && tokens.length >= 2 && tokens[1].indexOf(':') >= 0) {
                flush(out);
                pending = readRow(line, tokens, protocol, unknownStates);
                return true;
            }
            String stripped = line.text.strip();
            if (isNoOwnerLine(stripped)) {
                noOwner++;
                ignored.skip("ownership not available (-b)");
                return false;
            } else if (pending != null && stripped.startsWith("[") && stripped.endsWith("]") && stripped.length() > 2) {
                pending.image = stripped.substring(1, stripped.length() - 1);
                return true;
            } else if (pending != null && pending.image == null && line.text.startsWith("  ")
                    && SERVICE_NAME.matcher(stripped).matches()) {
                pending.services.add(stripped); // -b: the service(s) hosted by the process
                return true;
            } else if (protocol != null) {
                throw line.error("expected " + tokens[0] + " followed by a local address:port");
            }
            ignored.skip(pending == null ? SkippedLines.BANNER : SkippedLines.OTHER);
            return false;
        }

        private void flush(Consumer<SocketRecord> out) {
            if (pending != null) {
                SocketRecord row = pending.build();
                if (row.remoteAddress() != null && (row.remotePort() == null || row.names() != null
                        && (row.names().remoteHost() != null || row.names().remoteService() != null))) {
                    named++;
                }
                out.accept(row);
                pending = null;
            }
        }

        @Override
        public void finish(Consumer<SocketRecord> out, List<String> limitations) {
            flush(out);
            if (!unknownStates.isEmpty()) {
                limitations.add("state words not known to this importer, kept as the native state (listening decided by "
                        + "the foreign address): " + String.join(", ", unknownStates));
            }
            if (named > 0) {
                limitations.add(named + " remote endpoints are host or service names (captured without -n)");
            }
            if (noOwner > 0) {
                limitations.add("netstat -b could not obtain the owning executable of " + noOwner + " sockets");
            }
            limitations.add("netstat shows no socket options: SO_EXCLUSIVEADDRUSE, SO_REUSEADDR and IPV6_V6ONLY are unknown");
            ignored.describeInto(limitations);
        }

        @Override
        public String os() {
            return "windows";
        }
    }

    /** A row waiting for its -b lines. */
    private static final class Pending {
        final SocketRecord row;
        final List<String> services = new ArrayList<>();
        String image;

        Pending(SocketRecord row) {
            this.row = row;
        }

        SocketRecord build() {
            if (image == null && services.isEmpty()) {
                return row;
            }
            return row.withOwner(row.pid(), new ProcessInfo(image, null, null, null, null, services));
        }
    }

    private static Pending readRow(CaptureLine line, String[] tokens, Protocol protocol, Set<String> unknownStates)
            throws CaptureParseException {
        if (tokens.length < 3) {
            throw line.error("expected " + tokens[0] + ", local address:port and foreign address:port");
        }
        // Windows prints IPv6 bracketed; a name (without -n) does not say its family: IPv4 is assumed.
        Family rowFamily = tokens[1].startsWith("[") ? Family.IPV6 : Family.IPV4;
        Endpoint local = line.local(Endpoint.splitColon(tokens[1]), "local address (2nd column)", rowFamily, protocol,
                false);
        Endpoint foreign = line.remote(Endpoint.splitColon(tokens[2]), "foreign address (3rd column)", rowFamily,
                protocol, false);
        Family family = local.unknown() ? rowFamily : IpLiterals.isIpv4(local.address()) ? Family.IPV4 : Family.IPV6;

        List<String> rest = new ArrayList<>(Arrays.asList(tokens).subList(3, tokens.length));
        Integer pid = null;
        if (!rest.isEmpty() && CaptureLine.number(rest.get(rest.size() - 1)) != null) {
            pid = CaptureLine.number(rest.remove(rest.size() - 1));
        }
        String word = String.join(" ", rest);
        if (protocol == Protocol.UDP) {
            if (!word.isEmpty()) {
                throw line.error("expected only a PID (or nothing) after the foreign address of a UDP row");
            }
            boolean noPeer = foreign.isUnspecified();
            return new Pending(new SocketRecord(protocol, family, local.address(), local.port(),
                    noPeer ? null : foreign.address(), noPeer ? null : foreign.port(), null, null,
                    pid, null, null, null, null, null, CaptureLine.names(local, noPeer ? null : foreign)));
        }
        if (word.isEmpty()) {
            throw line.error("expected a state after the foreign address of a TCP row");
        }
        boolean listeningShape = foreign.port() != null && foreign.port() == 0
                && (foreign.isUnspecified() || IpLiterals.canonical(foreign.address()).isEmpty());
        String state = knownState(word);
        if (state == null) {
            unknownStates.add(word);
            state = listeningShape ? SocketRecord.LISTEN : null;
        }
        boolean noPeer = listeningShape || foreign.isUnspecified();
        return new Pending(new SocketRecord(protocol, family, local.address(), local.port(),
                noPeer ? null : foreign.address(), noPeer ? null : foreign.port(), state, word,
                pid, null, null, null, null, null, CaptureLine.names(local, noPeer ? null : foreign)));
    }

    /** The Linux name for an English or German Windows state word, or null. */
    static String knownState(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        String english = StateWords.linuxName(upper);
        if (english != null) {
            return english;
        }
        if (GERMAN_LISTENING.matcher(upper).matches()) {
            return SocketRecord.LISTEN;
        }
        return GERMAN_STATES.get(upper);
    }

    private static boolean isNoOwnerLine(String stripped) {
        String lower = stripped.toLowerCase(Locale.ROOT);
        return NO_OWNER_LINES.stream().anyMatch(lower::equals);
    }

    private static Protocol protocol(String token) {
        return switch (token.toUpperCase(Locale.ROOT)) {
            case "TCP" -> Protocol.TCP;
            case "UDP" -> Protocol.UDP;
            default -> null;
        };
    }
}
