package org.socketinspector.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socketinspector.model.Family;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;

/**
 * Reads iproute2 {@code ss -tuanpe} (also {@code -tanp}, {@code -tlnp} ...). Columns are split on whitespace, not
 * offsets; everything after the peer column (process list, {@code -e} details) is matched by key.
 * ss's {@code -e} output is the only text here that knows an option: {@code v6only:1|0}.
 */
public final class SsParser implements CaptureParser {

    private static final Pattern TOKEN = Pattern.compile("\\S+");
    /** ("name",pid=1,fd=3); possessive, so that a huge name cannot overflow the regex engine's stack. */
    private static final Pattern USER = Pattern.compile("\\(\"((?:[^\"\\\\]++|\\\\.)*+)\",pid=(\\d+),fd=\\d+\\)");
    private static final Pattern INODE = Pattern.compile("(?:^|\\s)ino:(\\d+)");
    private static final Pattern UID = Pattern.compile("(?:^|\\s)uid:(\\d+)");
    private static final Pattern STATE_WORD = Pattern.compile("[A-Z]+(-[A-Z0-9]+)*");
    private static final Pattern V6ONLY = Pattern.compile("(?:^|\\s)v6only:([01])");

    @Override
    public CaptureFormat format() {
        return CaptureFormat.SS;
    }

    @Override
    public ParsedCapture parse(String text, String source) throws CaptureParseException {
        List<SocketRecord> sockets = new ArrayList<>();
        List<String> limitations = new ArrayList<>();
        SkippedLines skipped = new SkippedLines();
        Boolean hasNetid = null;
        int shared = 0;
        for (CaptureLine line : CaptureLine.lines(text, source)) {
            String[] tokens = line.tokens();
            if (skipped.blank(tokens)) {
                continue;
            }
            if (tokens[0].equals("Netid") || tokens[0].equals("State") && tokens.length > 1 && tokens[1].equals("Recv-Q")) {
                hasNetid = tokens[0].equals("Netid");
                skipped.skip(SkippedLines.BANNER);
                continue;
            }
            if (hasNetid == null) {
                hasNetid = isNetid(tokens[0]); // a capture without its header line
            }
            if (hasNetid && !isNetid(tokens[0]) || !hasNetid && !isState(tokens[0])) {
                skipped.skip(SkippedLines.OTHER);
                continue;
            }
            if (hasNetid && !tokens[0].equals("tcp") && !tokens[0].equals("udp")) {
                skipped.skip(SkippedLines.NOT_IP); // raw, unix, packet... sockets: not what Socket Inspector inspects
                continue;
            }
            Row row = readRow(line, hasNetid);
            if (row.sharedBy > 1) {
                shared++;
            }
            sockets.add(row.record);
        }
        if (shared > 0) {
            limitations.add(shared + " sockets are shared by several processes; the first process ss lists is shown");
        }
        if (hasNetid != null && !hasNetid) {
            limitations.add("the capture has no Netid column (ss -t or -u alone): rows were read as TCP unless UNCONN");
        }
        boolean extended = sockets.stream().anyMatch(s -> s.inode() != null);
        limitations.add(extended
                ? "ss shows no SO_REUSEADDR/SO_REUSEPORT: only IPV6_V6ONLY is known (from -e)"
                : "ss shows no socket options: reuse options and IPV6_V6ONLY are unknown (capture with -e for IPV6_V6ONLY)");
        skipped.describeInto(limitations);
        return new ParsedCapture(CaptureFormat.SS, "linux", sockets, limitations);
    }

    private record Row(SocketRecord record, int sharedBy) {
    }

    private static Row readRow(CaptureLine line, boolean hasNetid) throws CaptureParseException {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(line.text);
        int restStart = line.text.length();
        int fixed = hasNetid ? 6 : 5;
        while (matcher.find()) {
            tokens.add(matcher.group());
            if (tokens.size() == fixed) {
                restStart = matcher.end();
                break;
            }
        }
        if (tokens.size() < fixed) {
            throw line.error("expected " + (hasNetid ? "Netid, " : "") + "State, Recv-Q, Send-Q, local and peer address:port");
        }
        int at = hasNetid ? 1 : 0;
        String nativeState = tokens.get(at);
        if (!isNumber(tokens.get(at + 1)) || !isNumber(tokens.get(at + 2))) {
            throw line.error("expected numeric Recv-Q and Send-Q after the state");
        }
        String rest = line.text.substring(restStart);
        Protocol protocol = hasNetid ? Protocol.fromWireName(tokens.get(0))
                : nativeState.equals("UNCONN") ? Protocol.UDP : Protocol.TCP;
        Optional<Endpoint.HostPort> localSplit = Endpoint.splitColon(tokens.get(at + 3));
        boolean dualStackWildcard = localSplit.map(hp -> hp.host().equals("*")).orElse(false);
        Endpoint local = line.local(localSplit, "local address (4th column)", Family.IPV6);
        Endpoint peer = line.remote(Endpoint.splitColon(tokens.get(at + 4)), "peer address (5th column)");
        Family family = dualStackWildcard || !IpLiterals.isIpv4(local.address()) ? Family.IPV6 : Family.IPV4;

        String state = state(protocol, nativeState);
        if (state == null && protocol == Protocol.TCP) {
            throw line.error("expected an ss state (LISTEN, ESTAB, TIME-WAIT, ...) in the State column");
        }
        boolean noPeer = peer.isUnspecified();

        Matcher users = USER.matcher(rest);
        Integer pid = null;
        ProcessInfo process = null;
        List<Integer> pids = new ArrayList<>();
        while (users.find()) {
            Integer userPid = CaptureLine.number(users.group(2));
            if (pid == null) {
                pid = userPid;
                process = ProcessInfo.named(users.group(1).replace("\\\"", "\""));
            }
            if (userPid != null && !pids.contains(userPid)) {
                pids.add(userPid);
            }
        }
        Optional<String> inodeText = find(INODE, rest);
        Long inode = inodeText.map(CaptureLine::longNumber).orElse(null);
        if (inodeText.isPresent() && inode == null) {
            throw line.error("expected a socket inode number after ino:");
        }
        // ss -e prints uid:N only when it is not 0; ino: tells that -e was given.
        Integer uid = find(UID, rest).map(CaptureLine::number).orElse(inode != null ? 0 : null);
        Boolean v6only = family == Family.IPV6 ? find(V6ONLY, rest).map("1"::equals).orElse(null) : null;
        if (process != null && uid != null) {
            process = new ProcessInfo(process.name(), null, null, null, uid, List.of());
        }
        SocketRecord record = new SocketRecord(protocol, family, local.address(), local.port(),
                noPeer ? null : peer.address(), noPeer ? null : peer.port(), state, nativeState,
                pid, process, uid, inode, SocketOptions.UNKNOWN.withIpv6Only(v6only), null);
        return new Row(record, pids.size());
    }

    private static String state(Protocol protocol, String nativeState) {
        if (protocol == Protocol.UDP) {
            return nativeState.equals("ESTAB") ? SocketRecord.ESTABLISHED : null;
        }
        // A TCP socket that is bound but neither listening nor connected: ss (iproute2 6.8+) lists it as UNCONN, the
        // native collector as BOUND.
        return nativeState.equals("UNCONN") ? SocketRecord.BOUND : StateWords.linuxName(nativeState);
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static boolean isNetid(String token) {
        return switch (token) {
            case "tcp", "udp", "raw", "u_str", "u_dgr", "u_seq", "p_raw", "p_dgr", "nl", "mptcp", "sctp", "dccp",
                    "tipc", "v_str", "v_dgr", "xdp" -> true;
            default -> false;
        };
    }

    private static boolean isState(String token) {
        return token.equals("UNCONN") || StateWords.linuxName(token) != null
                || STATE_WORD.matcher(token).matches();
    }

    private static boolean isNumber(String token) {
        return !token.isEmpty() && token.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
