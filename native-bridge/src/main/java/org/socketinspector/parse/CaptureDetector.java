package org.socketinspector.parse;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells which tool wrote a capture, from its content: each format has a row shape (and a header) no other
 * format shares; the one with the most matching lines among the first {@value #SAMPLE_LINES} wins. Also tells where
 * a second tool's output starts inside one file ({@link #sectionStart}).
 */
public final class CaptureDetector {

    static final int SAMPLE_LINES = 400;

    /** Ports may be names ("ssh") and hosts names ("localhost"): the shapes rely on columns, not on digits. */
    private static final Map<CaptureFormat, Pattern> ROWS = new EnumMap<>(Map.of(
            CaptureFormat.NETSTAT_WINDOWS, Pattern.compile("^\\s+(TCP|UDP)\\s+\\S*:\\S+\\s+\\S+.*"),
            CaptureFormat.SS, Pattern.compile("^(?:(tcp|udp|raw|u_str|u_dgr|u_seq|mptcp|sctp)\\s+)?"
                    + "(LISTEN|ESTAB|UNCONN|TIME-WAIT|CLOSE-WAIT|SYN-SENT|SYN-RECV|FIN-WAIT-1|FIN-WAIT-2|LAST-ACK|CLOSING)"
                    + "\\s+\\d+\\s+\\d+\\s+\\S+:\\S+\\s+\\S+:\\S+.*"),
            CaptureFormat.NETSTAT_LINUX, Pattern.compile("^(tcp6?|udp6?|raw6?|udpl6?)\\s+\\d+\\s+\\d+\\s+\\S+:\\S+\\s+\\S+:\\S+.*"),
            CaptureFormat.NETSTAT_MACOS, Pattern.compile("^(?:[0-9a-f]{1,16}\\s+){0,2}(tcp|udp)(4|6|46)\\s+\\S+\\s+\\S+.*"),
            CaptureFormat.LSOF, Pattern.compile("^\\S+\\s+\\d+\\s.*\\sIPv[46]\\s.*\\s(TCP|UDP)\\s+\\S+.*")));

    private static final Map<CaptureFormat, Pattern> HEADERS = new EnumMap<>(Map.of(
            CaptureFormat.NETSTAT_WINDOWS, Pattern.compile("^\\s+(Proto|Имя|协议)\\s+\\S.*"),
            CaptureFormat.SS, Pattern.compile("^(Netid\\s+)?State\\s+Recv-Q\\s+Send-Q\\s+Local Address:Port.*"),
            CaptureFormat.NETSTAT_LINUX, Pattern.compile("^Proto Recv-Q Send-Q Local Address\\s+Foreign Address\\s+State.*"),
            CaptureFormat.NETSTAT_MACOS, Pattern.compile("^(?:(Tcpcb|Socket|Flowhash)\\s+){0,2}Proto\\s+(Recv-Q\\s+Send-Q|Rexmit|Listen)\\s+"
                    + ".*Local Address.*"),
            CaptureFormat.LSOF, Pattern.compile("^COMMAND\\s+PID\\s.*\\sNAME\\s*$")));

    /** Headers only FreeBSD's netstat prints (usr.bin/netstat/inet.c): -A's Tcpcb, -x, -T, -L and -P's Log ID. */
    private static final Pattern FREEBSD_HEADER = Pattern.compile(
            "^(Tcpcb\\s+Proto.*|.*\\bR-MBUF\\b.*|Proto\\s+Rexmit\\s+OOORcv.*|Current listen queue sizes.*"
                    + "|(Tcpcb\\s+)?Proto\\s+Recv-Q\\s+Send-Q\\s.*\\(state\\).*\\sLog ID\\s*)");

    private CaptureDetector() {
    }

    /**
     * @throws CaptureParseException when no format matches, naming the formats it knows
     */
    public static CaptureFormat detect(String text, String source) throws CaptureParseException {
        return detect(List.of(text.split("\\R", SAMPLE_LINES + 1)), source);
    }

    /** The format of the first lines of a capture (at most {@value #SAMPLE_LINES} are looked at). */
    public static CaptureFormat detect(List<String> lines, String source) throws CaptureParseException {
        String first = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("").stripLeading();
        if (first.startsWith("{") || first.startsWith("\uFEFF{")) {
            return CaptureFormat.JSON;
        }
        Map<CaptureFormat, Integer> scores = new EnumMap<>(CaptureFormat.class);
        boolean freebsd = false;
        for (int i = 0; i < Math.min(lines.size(), SAMPLE_LINES); i++) {
            String line = lines.get(i).length() > 2000 ? lines.get(i).substring(0, 2000) : lines.get(i);
            for (Map.Entry<CaptureFormat, Pattern> row : ROWS.entrySet()) {
                if (row.getValue().matcher(line).matches()) {
                    scores.merge(row.getKey(), 2, Integer::sum);
                }
            }
            for (Map.Entry<CaptureFormat, Pattern> header : HEADERS.entrySet()) {
                if (header.getValue().matcher(line).matches()) {
                    scores.merge(header.getKey(), 3, Integer::sum);
                }
            }
            freebsd |= FREEBSD_HEADER.matcher(line).matches();
        }
        CaptureFormat best = scores.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new CaptureParseException(source, 0, "not a capture this tool knows: expected the "
                        + "output of netstat (Windows, Linux, macOS or FreeBSD), ss, lsof -i, or scan --json"));
        return best == CaptureFormat.NETSTAT_MACOS && freebsd ? CaptureFormat.NETSTAT_FREEBSD : best;
    }

    /**
     * Whether a line that the current format's parser did not take starts another tool's output: its header, or a
     * row only that tool writes. The BSD netstats count as one family (a FreeBSD header inside a macOS read is not a
     * new tool).
     */
    static Optional<CaptureFormat> sectionStart(String line, CaptureFormat current) {
        if (line.length() > 2000 || line.isBlank()) {
            return Optional.empty();
        }
        CaptureFormat own = current == CaptureFormat.NETSTAT_FREEBSD ? CaptureFormat.NETSTAT_MACOS : current;
        if (HEADERS.containsKey(own) && (HEADERS.get(own).matcher(line).matches() || ROWS.get(own).matcher(line).matches())) {
            return Optional.empty(); // the current tool's own header again (netstat -p tcp, then -p udp)
        }
        for (Map.Entry<CaptureFormat, Pattern> header : HEADERS.entrySet()) {
            if (!sameTool(header.getKey(), current) && header.getValue().matcher(line).matches()) {
                return Optional.of(bsd(header.getKey(), line));
            }
        }
        for (Map.Entry<CaptureFormat, Pattern> row : ROWS.entrySet()) {
            if (!sameTool(row.getKey(), current) && row.getValue().matcher(line).matches()) {
                return Optional.of(row.getKey());
            }
        }
        return Optional.empty();
    }

    private static CaptureFormat bsd(CaptureFormat format, String header) {
        return format == CaptureFormat.NETSTAT_MACOS && FREEBSD_HEADER.matcher(header).matches()
                ? CaptureFormat.NETSTAT_FREEBSD : format;
    }

    private static boolean sameTool(CaptureFormat a, CaptureFormat b) {
        boolean aBsd = a == CaptureFormat.NETSTAT_MACOS || a == CaptureFormat.NETSTAT_FREEBSD;
        boolean bBsd = b == CaptureFormat.NETSTAT_MACOS || b == CaptureFormat.NETSTAT_FREEBSD;
        return a == b || aBsd && bBsd;
    }
}
