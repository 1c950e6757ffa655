package org.socketinspector.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socketinspector.model.Family;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;

/**
 * Reads macOS {@code netstat -anv -p tcp} and {@code -p udp} (plain {@code -an} too, without owners).
 *
 * <p>Addresses are BSD style, the port after the last dot ({@code 127.0.0.1.631}, {@code *.*}). The -v columns
 * changed over macOS versions; the header line says which layout follows:
 * <ul>
 *   <li>older: {@code ... (state) rhiwat shiwat pid epid state options} — the pid is a column of its own;</li>
 *   <li>newer: {@code ... (state) rxbytes txbytes rhiwat shiwat process:pid state options ...} — the process name
 *       may contain spaces, so the cell is matched as {@code name:pid} before the remaining columns.</li>
 * </ul>
 * {@code tcp46}/{@code udp46} rows are IPv6 sockets that also accept IPv4: IPV6_V6ONLY is off.
 */
public final class MacNetstatParser implements CaptureParser {

    private static final Pattern PROTO = Pattern.compile("(tcp|udp)(4|6|46)");
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern PROCESS_PID = Pattern.compile("^\\s*(.+?):(\\d+)(?:\\s|$)");

    private enum Layout { PLAIN, PID_COLUMN, PROCESS_PID }

    @Override
    public CaptureFormat format() {
        return CaptureFormat.NETSTAT_MACOS;
    }

    @Override
    public ParsedCapture parse(String text, String source) throws CaptureParseException {
        List<SocketRecord> sockets = new ArrayList<>();
        List<String> limitations = new ArrayList<>();
        SkippedLines skipped = new SkippedLines();
        Layout layout = Layout.PLAIN;
        for (CaptureLine line : CaptureLine.lines(text, source)) {
            String[] tokens = line.tokens();
            if (skipped.blank(tokens)) {
                continue;
            }
            if (tokens[0].equals("Proto")) {
                layout = line.text.contains("process:pid") ? Layout.PROCESS_PID
                        : line.text.matches(".*\\bpid\\s+epid\\b.*") ? Layout.PID_COLUMN : Layout.PLAIN;
                skipped.skip(SkippedLines.BANNER);
                continue;
            }
            if (!PROTO.matcher(tokens[0]).matches()) {
                skipped.skip(tokens[0].equals("Active") ? SkippedLines.BANNER : SkippedLines.OTHER);
                continue;
            }
            sockets.add(readRow(line, layout));
        }
        if (layout == Layout.PLAIN && !sockets.isEmpty()) {
            limitations.add("the capture has no pid column: owners are unknown (capture with netstat -anv)");
        }
        limitations.add("netstat shows no socket options: SO_REUSEADDR and SO_REUSEPORT are unknown");
        skipped.describeInto(limitations);
        return new ParsedCapture(CaptureFormat.NETSTAT_MACOS, "macos", sockets, limitations);
    }

    private static SocketRecord readRow(CaptureLine line, Layout layout) throws CaptureParseException {
        List<String> tokens = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(line.text);
        while (matcher.find() && tokens.size() < 12) {
            tokens.add(matcher.group());
            ends.add(matcher.end());
        }
        if (tokens.size() < 5 || CaptureLine.number(tokens.get(1)) == null || CaptureLine.number(tokens.get(2)) == null) {
            throw line.error("expected Proto, numeric Recv-Q and Send-Q, local and foreign address.port");
        }
        String proto = tokens.get(0);
        Protocol protocol = proto.startsWith("tcp") ? Protocol.TCP : Protocol.UDP;
        Family family = proto.endsWith("4") ? Family.IPV4 : Family.IPV6;
        Endpoint local = line.local(Endpoint.splitDot(tokens.get(3)), "local address (4th column)", family);
        Endpoint foreign = line.remote(Endpoint.splitDot(tokens.get(4)), "foreign address (5th column)");
        boolean noPeer = foreign.isUnspecified();
        int at = 5;
        String nativeState = null;
        String state;
        if (protocol == Protocol.TCP) {
            nativeState = at < tokens.size() ? tokens.get(at++) : null;
            state = StateWords.linuxName(nativeState);
            if (state == null) {
                throw line.error("expected a TCP state (LISTEN, ESTABLISHED, ...) after the foreign address");
            }
        } else {
            state = noPeer ? null : SocketRecord.ESTABLISHED;
        }
        Integer pid = null;
        ProcessInfo process = null;
        if (layout == Layout.PID_COLUMN) {
            // rhiwat shiwat pid epid ...
            if (at + 3 > tokens.size() || CaptureLine.number(tokens.get(at + 2)) == null) {
                throw line.error("expected rhiwat, shiwat and a numeric pid after the " + (protocol == Protocol.TCP
                        ? "state" : "foreign address"));
            }
            pid = CaptureLine.number(tokens.get(at + 2));
        } else if (layout == Layout.PROCESS_PID) {
            // rxbytes txbytes rhiwat shiwat process:pid ...
            if (at + 4 >= tokens.size()) {
                throw line.error("expected rxbytes, txbytes, rhiwat, shiwat and process:pid");
            }
            Matcher cell = PROCESS_PID.matcher(line.text.substring(ends.get(at + 3)));
            if (!cell.find()) {
                throw line.error("expected a process:pid column after shiwat");
            }
            pid = CaptureLine.number(cell.group(2));
            process = ProcessInfo.named(cell.group(1));
        }
        Boolean ipv6Only = proto.endsWith("46") ? Boolean.FALSE : null;
        return new SocketRecord(protocol, family, local.address(), local.port(),
                noPeer ? null : foreign.address(), noPeer ? null : foreign.port(), state, nativeState,
                pid, process, null, null, SocketOptions.UNKNOWN.withIpv6Only(ipv6Only), null);
    }
}
