package org.socketinspector.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socketinspector.model.Family;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;

/**
 * Reads BSD {@code netstat}: macOS {@code -a}, {@code -an}, {@code -A}, {@code -Abn}, {@code -anv} and FreeBSD
 * {@code -a}, {@code -an}, {@code -A}, {@code -Aa}, {@code -x}, {@code -T}, {@code -L} (one parser; the format names the
 * OS).
 *
 * <p>Addresses are BSD style, the port after the last dot ({@code 127.0.0.1.631}, {@code *.*}, {@code localhost.ssh},
 * {@code 192.168.1.5.ssh}). {@code -A} puts a kernel address (hex) before the protocol. The header line says which
 * columns follow (FreeBSD usr.bin/netstat/inet.c, Apple network_cmds netstat.tproj/inet.c):
 * <ul>
 *   <li>plain: {@code Proto Recv-Q Send-Q Local Foreign (state)}, the state for TCP only; {@code -b} adds byte counts
 *       after the state (ignored);</li>
 *   <li>macOS {@code -v}, older: {@code ... (state) rhiwat shiwat pid epid state options} — the pid is a column;</li>
 *   <li>macOS {@code -v}, newer: {@code ... rxbytes txbytes rhiwat shiwat process:pid state options ...} — the process
 *       name may contain spaces, so the cell is matched as {@code name:pid};</li>
 *   <li>FreeBSD {@code -x}: buffer and timer columns instead of the state; FreeBSD {@code -T}: {@code Rexmit OOORcv 0-win}
 *       instead of the queues (blank for UDP), and no state. Without a state, a TCP socket without a peer is read as
 *       listening;</li>
 *   <li>FreeBSD {@code -L}: {@code Proto Listen Local}, listeners only.</li>
 * </ul>
 * {@code tcp46}/{@code udp46} rows are IPv6 sockets that also accept IPv4: IPV6_V6ONLY is off. Without {@code -W}
 * addresses are cut to 18 ({@code -A}) or 22 characters.
 */
public final class MacNetstatParser implements CaptureParser {

    private static final Pattern PROTO = Pattern.compile("(tcp|udp|toe)(4|6|46)?");
    private static final Pattern HEX = Pattern.compile("(0x)?[0-9a-f]{1,16}");
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern PROCESS_PID = Pattern.compile("^\\s*(.+?):(\\d+)(?:\\s|$)");

    private enum Layout { PLAIN, PID_COLUMN, PROCESS_PID, NO_STATE, TIMERS, LISTEN_QUEUE }

    private final CaptureFormat format;

    public MacNetstatParser() {
        this(CaptureFormat.NETSTAT_MACOS);
    }

    /** @param format {@link CaptureFormat#NETSTAT_MACOS} or {@link CaptureFormat#NETSTAT_FREEBSD} */
    public MacNetstatParser(CaptureFormat format) {
        this.format = format;
    }

    @Override
    public CaptureFormat format() {
        return format;
    }

    @Override
    public LineParser start(String source) {
        return new Reader(format.os());
    }

    private static final class Reader implements LineParser {
        private final SkippedLines ignored = new SkippedLines();
        private final String os;
        private Layout layout = Layout.PLAIN;
        private boolean any;
        private int stateless;
        private int namesCut;

        Reader(String os) {
            this.os = os;
        }

        @Override
        public boolean accept(CaptureLine line, Consumer<SocketRecord> out) throws CaptureParseException {
            String[] tokens = line.tokens();
            if (ignored.blank(tokens)) {
                return false;
            }
            int proto = protoIndex(tokens); // -A: a kernel address (macOS: and a flow hash) first
            if (proto < 0) {
                ignored.skip(tokens[0].equals("Active") || tokens[0].equals("Current") ? SkippedLines.BANNER
                        : SkippedLines.OTHER);
                return false;
            }
            if (tokens[proto].equals("Proto")) {
                layout = layout(line.text);
                ignored.skip(SkippedLines.BANNER);
                return false;
            }
            if (!PROTO.matcher(tokens[proto]).matches()) {
                ignored.skip(tokens[0].equals("Active") || tokens[0].equals("Current") ? SkippedLines.BANNER
                        : SkippedLines.OTHER);
                return false;
            }
            SocketRecord row = readRow(line, proto);
            any = true;
            if (row.names() != null && row.names().truncated()) {
                namesCut++;
            }
            if (row.protocol() == Protocol.TCP && row.nativeState() == null) {
                stateless++;
            }
            out.accept(row);
            return true;
        }

        @Override
        public void finish(Consumer<SocketRecord> out, List<String> limitations) {
            if ((layout == Layout.PLAIN || layout == Layout.NO_STATE || layout == Layout.TIMERS) && any) {
                limitations.add("the capture has no pid column: owners are unknown"
                        + (os.equals("macos") ? " (capture with netstat -anv)" : " (FreeBSD: sockstat -46 shows them)"));
            }
            if (stateless > 0) {
                limitations.add(stateless + " TCP rows have no state column (netstat -x/-T/-L): those without a peer were"
                        + " read as listening");
            }
            if (namesCut > 0) {
                limitations.add(namesCut + " rows have host names that may be cut to netstat's column width, kept as"
                        + " written (capture with -n, or -W for whole names)");
            }
            limitations.add("netstat shows no socket options: SO_REUSEADDR and SO_REUSEPORT are unknown");
            ignored.describeInto(limitations);
        }

        @Override
        public String os() {
            return os;
        }

        private static Layout layout(String header) {
            if (header.contains("process:pid")) {
                return Layout.PROCESS_PID;
            }
            if (header.matches(".*\\bpid\\s+epid\\b.*")) {
                return Layout.PID_COLUMN;
            }
            if (header.contains("Rexmit")) {
                return Layout.TIMERS;
            }
            if (header.contains("R-MBUF")) {
                return Layout.NO_STATE;
            }
            if (header.matches(".*Proto\\s+Listen\\s+Local Address.*")) {
                return Layout.LISTEN_QUEUE;
            }
            return Layout.PLAIN;
        }

        /** The column of the protocol (or of the header's "Proto"): 0, or after -A's hex columns; -1 if none. */
        private static int protoIndex(String[] tokens) {
            for (int i = 0; i < Math.min(3, tokens.length); i++) {
                if (tokens[i].equals("Proto") || PROTO.matcher(tokens[i]).matches()) {
                    return i;
                }
                if (!HEX.matcher(tokens[i]).matches() && !tokens[i].equals("0") && !tokens[i].equals("Tcpcb")
                        && !tokens[i].equals("Socket") && !tokens[i].equals("Flowhash")) {
                    return i == 0 ? 0 : -1;
                }
            }
            return 0;
        }

        /**
         * Without -W, inetprint() cuts a host name to 16 characters (12 with -A) before adding ".port", and the cell
         * to 22 (18 with -A) (FreeBSD usr.bin/netstat/inet.c): a host part of exactly that length may be cut.
         */
        private static boolean mayBeCut(String cell, boolean aFlag) {
            int dot = cell.lastIndexOf('.');
            return dot == (aFlag ? 12 : 16) || cell.length() == (aFlag ? 18 : 22);
        }

        private SocketRecord readRow(CaptureLine line, int first) throws CaptureParseException {
            List<String> tokens = new ArrayList<>();
            List<Integer> ends = new ArrayList<>();
            Matcher matcher = TOKEN.matcher(line.text);
            while (matcher.find() && tokens.size() < 14 + first) {
                tokens.add(matcher.group());
                ends.add(matcher.end());
            }
            List<String> t = tokens.subList(first, tokens.size());
            List<Integer> e = ends.subList(first, ends.size());
            String proto = t.get(0);
            Protocol protocol = proto.startsWith("udp") ? Protocol.UDP : Protocol.TCP;
            Family family = proto.endsWith("6") || proto.endsWith("46") ? Family.IPV6 : Family.IPV4;
            int at;
            if (layout == Layout.LISTEN_QUEUE) {
                at = 2; // Proto Listen(qlen/incqlen/maxqlen) Local
            } else if (layout == Layout.TIMERS && protocol == Protocol.UDP) {
                at = 1; // -T prints 21 blanks instead of the three counters for UDP
            } else if (layout == Layout.TIMERS) {
                at = 4; // Rexmit OOORcv 0-win
            } else {
                at = 3;
                if (t.size() < 5 || CaptureLine.number(t.get(1)) == null || CaptureLine.number(t.get(2)) == null) {
                    throw line.error("expected Proto, two numeric columns, local and foreign address.port");
                }
            }
            if (t.size() <= at) {
                throw line.error("expected a local address.port after the protocol");
            }
            Endpoint local = line.local(Endpoint.splitDot(t.get(at)), "local address", family, protocol,
                    mayBeCut(t.get(at), first > 0));
            if (layout == Layout.LISTEN_QUEUE) {
                return new SocketRecord(protocol, family, local.address(), local.port(), null, null,
                        SocketRecord.LISTEN, null, null, null, null, null,
                        SocketOptions.UNKNOWN.withIpv6Only(proto.endsWith("46") ? Boolean.FALSE : null), null,
                        CaptureLine.names(local, null));
            }
            if (t.size() <= at + 1) {
                throw line.error("expected a foreign address.port after the local address");
            }
            Endpoint foreign = line.remote(Endpoint.splitDot(t.get(at + 1)), "foreign address", family, protocol,
                    mayBeCut(t.get(at + 1), first > 0));
            boolean noPeer = foreign.isUnspecified();
            at += 2;
            String nativeState = null;
            String state;
            boolean hasState = layout != Layout.NO_STATE && layout != Layout.TIMERS;
            if (protocol == Protocol.TCP && hasState) {
                nativeState = at < t.size() ? t.get(at++) : null;
                state = StateWords.linuxName(nativeState);
                if (state == null) {
                    throw line.error("expected a TCP state (LISTEN, ESTABLISHED, ...) after the foreign address");
                }
            } else if (protocol == Protocol.TCP) {
                state = noPeer ? SocketRecord.LISTEN : SocketRecord.ESTABLISHED;
            } else {
                state = noPeer ? null : SocketRecord.ESTABLISHED;
            }
            Integer pid = null;
            ProcessInfo process = null;
            if (layout == Layout.PID_COLUMN) {
                // rhiwat shiwat pid epid ...
                if (at + 3 > t.size() || CaptureLine.number(t.get(at + 2)) == null) {
                    throw line.error("expected rhiwat, shiwat and a numeric pid after the " + (protocol == Protocol.TCP
                            ? "state" : "foreign address"));
                }
                pid = CaptureLine.number(t.get(at + 2));
            } else if (layout == Layout.PROCESS_PID) {
                // rxbytes txbytes rhiwat shiwat process:pid ...
                if (at + 4 >= t.size()) {
                    throw line.error("expected rxbytes, txbytes, rhiwat, shiwat and process:pid");
                }
                Matcher cell = PROCESS_PID.matcher(line.text.substring(e.get(at + 3)));
                if (!cell.find()) {
                    throw line.error("expected a process:pid column after shiwat");
                }
                pid = CaptureLine.number(cell.group(2));
                process = ProcessInfo.named(cell.group(1));
            }
            Boolean ipv6Only = proto.endsWith("46") ? Boolean.FALSE : null;
            return new SocketRecord(protocol, family, local.address(), local.port(),
                    noPeer ? null : foreign.address(), noPeer ? null : foreign.port(), state, nativeState,
                    pid, process, null, null, SocketOptions.UNKNOWN.withIpv6Only(ipv6Only), null,
                    CaptureLine.names(local, noPeer ? null : foreign));
        }
    }
}
