package org.socketinspector.parse;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tells which tool wrote a capture, from its content: each format has a row shape (and a header) no other
 * format shares; the one with the most matching lines among the first {@value #SAMPLE_LINES} wins.
 */
public final class CaptureDetector {

    static final int SAMPLE_LINES = 400;

    private static final Map<CaptureFormat, Pattern> ROWS = new EnumMap<>(Map.of(
            CaptureFormat.NETSTAT_WINDOWS, Pattern.compile("^\\s+(TCP|UDP)\\s+\\S*:\\S+\\s+\\S+.*"),
            CaptureFormat.SS, Pattern.compile("^(?:(tcp|udp|raw|u_str|u_dgr|u_seq|mptcp|sctp)\\s+)?"
                    + "(LISTEN|ESTAB|UNCONN|TIME-WAIT|CLOSE-WAIT|SYN-SENT|SYN-RECV|FIN-WAIT-1|FIN-WAIT-2|LAST-ACK|CLOSING)"
                    + "\\s+\\d+\\s+\\d+\\s+\\S+:\\S+\\s+\\S+:\\S+.*"),
            CaptureFormat.NETSTAT_LINUX, Pattern.compile("^(tcp6?|udp6?|raw6?|udpl6?)\\s+\\d+\\s+\\d+\\s+\\S+:\\S+\\s+\\S+:\\S+.*"),
            CaptureFormat.NETSTAT_MACOS, Pattern.compile("^(tcp|udp)(4|6|46)\\s+\\d+\\s+\\d+\\s+\\S+\\s+\\S+.*"),
            CaptureFormat.LSOF, Pattern.compile("^\\S+\\s+\\d+\\s.*\\sIPv[46]\\s.*\\s(TCP|UDP)\\s+\\S+.*")));

    private static final Map<CaptureFormat, Pattern> HEADERS = new EnumMap<>(Map.of(
            CaptureFormat.NETSTAT_WINDOWS, Pattern.compile("^\\s+(Proto|Имя|协议)\\s+\\S.*"),
            CaptureFormat.SS, Pattern.compile("^(Netid\\s+)?State\\s+Recv-Q\\s+Send-Q\\s+Local Address:Port.*"),
            CaptureFormat.NETSTAT_LINUX, Pattern.compile("^Proto Recv-Q Send-Q Local Address\\s+Foreign Address\\s+State.*"),
            CaptureFormat.NETSTAT_MACOS, Pattern.compile("^Proto Recv-Q Send-Q\\s+Local Address\\s+Foreign Address\\s+\\(state\\).*"),
            CaptureFormat.LSOF, Pattern.compile("^COMMAND\\s+PID\\s.*\\sNAME\\s*$")));

    private CaptureDetector() {
    }

    /**
     * @throws CaptureParseException when no format matches, naming the formats it knows
     */
    public static CaptureFormat detect(String text, String source) throws CaptureParseException {
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{")) {
            return CaptureFormat.JSON;
        }
        Map<CaptureFormat, Integer> scores = new EnumMap<>(CaptureFormat.class);
        String[] lines = text.split("\\R", SAMPLE_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, SAMPLE_LINES); i++) {
            String line = lines[i].length() > 2000 ? lines[i].substring(0, 2000) : lines[i];
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
        }
        return scores.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new CaptureParseException(source, 0, "not a capture this tool knows: expected the "
                        + "output of netstat -ano/-anob (Windows), ss -tuanpe, netstat -tuanpe (Linux), "
                        + "netstat -anv (macOS), lsof -nP -iTCP -iUDP, or scan --json"));
    }
}
