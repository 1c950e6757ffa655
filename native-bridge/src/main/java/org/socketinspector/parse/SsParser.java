package org.socketinspector.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
    public LineParser start(String source) {
        return new Reader();
    }

    private static final class Reader implements LineParser {
        private final SkippedLines ignored = new SkippedLines();
        private Boolean hasNetid;
        private int shared;
        private boolean extended;
        private boolean any;
        /** A row whose process name is still open (its quote not closed): ss printed a line break inside it. */
        private CaptureLine open;
        private int openLines;
        private final List<String> joined = new ArrayList<>();

        @Override
        public boolean accept(CaptureLine line, Consumer<SocketRecord> out) throws CaptureParseException {
            if (open != null) {
                CaptureLine whole = new CaptureLine(open.source, open.number, open.text + "\n" + line.text);
                openLines++;
                if (!unclosedName(whole.text)) {
                    CaptureLine first = open;
                    open = null;
                    try {
                        emit(readRow(whole, hasNetid), out);
                        note(first, openLines);
                        return true;
                    } catch (CaptureParseException e) {
                        open = first;
                        flush(out); // the row as its first line has it; this line is read on its own below
                    }
                } else if (openLines < MAX_NAME_LINES && line.text.length() <= MAX_NAME_CHARS) {
                    open = whole; // a piece of the name
                    return true;
                } else {
                    flush(out);
                }
            }
            String[] tokens = line.tokens();
            if (ignored.blank(tokens)) {
                return false;
            }
            if (tokens[0].equals("Netid") || tokens[0].equals("State") && tokens.length > 1 && tokens[1].equals("Recv-Q")) {
                hasNetid = tokens[0].equals("Netid");
                ignored.skip(SkippedLines.BANNER);
                return false;
            }
            boolean netid = hasNetid != null ? hasNetid : isNetid(tokens[0]); // a capture without its header line
            if (netid && !isNetid(tokens[0]) || !netid && !isState(tokens[0])) {
                ignored.skip(SkippedLines.OTHER);
                return false;
            }
            hasNetid = netid;
            if (netid && !tokens[0].equals("tcp") && !tokens[0].equals("udp")) {
                ignored.skip(SkippedLines.NOT_IP); // raw, unix, packet... sockets: not what Socket Inspector inspects
                return false;
            }
            Row row = readRow(line, netid);
            if (unclosedName(line.text)) {
                open = line; // held until the name's quote closes on a later line
                openLines = 0;
                return true;
            }
            emit(row, out);
            return true;
        }

        private void emit(Row row, Consumer<SocketRecord> out) {
            if (row.sharedBy > 1) {
                shared++;
            }
            extended |= row.record.inode() != null;
            any = true;
            out.accept(row.record);
        }

        /** The held row as its first line has it (the name never closed). */
        private void flush(Consumer<SocketRecord> out) throws CaptureParseException {
            CaptureLine first = new CaptureLine(open.source, open.number, open.text.lines().findFirst().orElse(""));
            open = null;
            emit(readRow(first, hasNetid), out);
        }

        private void note(CaptureLine first, int lines) {
            if (joined.size() < CaptureParser.NAMED_SKIPPED) {
                joined.add(first.source + ":" + first.number + ": a process name with a line break in it continues on the "
                        + (lines == 1 ? "next line" : "next " + lines + " lines") + ": read as one row");
            }
        }

        @Override
        public void finish(Consumer<SocketRecord> out, List<String> limitations) {
            if (open != null) {
                try {
                    flush(out);
                } catch (CaptureParseException e) {
                    open = null; // cannot happen: the first line was read as a row when it was held
                }
            }
            limitations.addAll(joined);
            if (shared > 0) {
                limitations.add(shared + " sockets are shared by several processes; the first process ss lists is shown");
            }
            if (hasNetid != null && !hasNetid && any) {
                limitations.add("the capture has no Netid column (ss -t or -u alone): rows were read as TCP unless UNCONN");
            }
            limitations.add(extended
                    ? "ss shows no SO_REUSEADDR/SO_REUSEPORT: only IPV6_V6ONLY is known (from -e)"
                    : "ss shows no socket options: reuse options and IPV6_V6ONLY are unknown (capture with -e for IPV6_V6ONLY)");
            ignored.describeInto(limitations);
        }

        @Override
        public String os() {
            return "linux";
        }
    }

    private record Row(SocketRecord record, int sharedBy) {
    }

    /** A Linux process name (comm) has at most 15 characters, so a row it breaks goes on for at most 15 lines. */
    private static final int MAX_NAME_LINES = 15;
    private static final int MAX_NAME_CHARS = 15;
    /** What ss prints after each process name; it escapes nothing in the name, so quotes cannot tell where it ends. */
    private static final Pattern USER_END = Pattern.compile("\",pid=\\d+,fd=\\d+\\)");

    /**
     * Whether the row ends inside its first process name: {@code users:(("} is there but not yet the
     * {@code ",pid=N,fd=N)} that follows a name. ss prints a name as it is, line breaks included, so the row goes on
     * on the next line.
     */
    static boolean unclosedName(String text) {
        int at = text.indexOf("users:((\"");
        return at >= 0 && !USER_END.matcher(text).region(at, text.length()).find();
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
        // ss -r prints names; IPv6 names are not bracketed, so the family is IPv6 only for "*", [..] and "::" text
        Family rowFamily = localSplit.map(hp -> hp.host().equals("*") || hp.host().indexOf(':') >= 0
                || tokens.get(at + 3).startsWith("[") || isV6Loopback(hp.host())).orElse(false) ? Family.IPV6 : Family.IPV4;
        Endpoint local = line.local(localSplit, "local address (4th column)", rowFamily, protocol, false);
        Endpoint peer = line.remote(Endpoint.splitColon(tokens.get(at + 4)), "peer address (5th column)", rowFamily,
                protocol, false);
        Family family = dualStackWildcard || local.unknown() ? rowFamily
                : !IpLiterals.isIpv4(local.address()) ? Family.IPV6 : Family.IPV4;

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
                pid, process, uid, inode, SocketOptions.UNKNOWN.withIpv6Only(v6only), null,
                CaptureLine.names(local, noPeer ? null : peer));
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

    /**
     * The last match: ss prints -e's {@code uid:}, {@code ino:} and {@code v6only:} after the process list, whose
     * names another user chooses (a process named {@code " uid:0"} must not make its socket root's).
     */
    private static Optional<String> find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return Optional.ofNullable(last);
    }

    private static boolean isV6Loopback(String host) {
        return host.equals("ip6-localhost") || host.equals("ip6-loopback") || host.equals("localhost6");
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
