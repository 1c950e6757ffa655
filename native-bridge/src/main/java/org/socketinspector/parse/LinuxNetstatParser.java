package org.socketinspector.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.socketinspector.model.Family;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketRecord;

/**
 * Reads net-tools {@code netstat -tuanpe} (also {@code -tanp}, {@code -tulpn} ...). The header says which optional
 * columns follow the addresses: State (empty for unconnected UDP), User and Inode (-e), PID/Program name (-p).
 * net-tools cuts addresses wider than its column unless -W is given; such a row is reported, not guessed.
 */
public final class LinuxNetstatParser implements CaptureParser {

    /**
     * Without -W, net-tools cuts "address:port" to 23 characters by shortening the address and keeping the port
     * (netstat.c, tcp_do_one): a cut IPv6 address still looks valid, so rows of exactly this width are flagged.
     */
    static final int CUT_WIDTH = 23;

    /** A state column (empty for unconnected UDP, so the next column may be the user or the program). */
    private static final Pattern STATE_WORD = Pattern.compile("[A-Z][A-Z0-9_]*");

    @Override
    public CaptureFormat format() {
        return CaptureFormat.NETSTAT_LINUX;
    }

    @Override
    public LineParser start(String source) {
        return new Reader();
    }

    private static final class Reader implements LineParser {
        private final SkippedLines ignored = new SkippedLines();
        private boolean hasUser;
        private boolean hasProgram;
        private int mayBeCut;
        private int namesCut;

        @Override
        public boolean accept(CaptureLine line, Consumer<SocketRecord> out) throws CaptureParseException {
            String[] tokens = line.tokens();
            if (ignored.blank(tokens)) {
                return false;
            }
            if (tokens[0].equals("Proto")) {
                hasUser = line.text.contains("User") && line.text.contains("Inode");
                hasProgram = line.text.contains("PID/Program");
                ignored.skip(SkippedLines.BANNER);
                return false;
            }
            Protocol protocol = protocol(tokens[0]);
            if (protocol == null) {
                if (tokens[0].startsWith("raw") || tokens[0].equals("unix") || tokens[0].startsWith("udpl")) {
                    ignored.skip(SkippedLines.NOT_IP);
                } else {
                    ignored.skip(tokens[0].equals("Active") ? SkippedLines.BANNER : SkippedLines.OTHER);
                }
                return false;
            }
            SocketRecord row = readRow(line, tokens, protocol, hasUser, hasProgram);
            if (tokens[0].endsWith("6") && row.names() == null
                    && (tokens[3].length() == CUT_WIDTH || tokens[4].length() == CUT_WIDTH)) {
                mayBeCut++;
            }
            if (row.names() != null && row.names().truncated()) {
                namesCut++;
            }
            out.accept(row);
            return true;
        }

        @Override
        public void finish(Consumer<SocketRecord> out, List<String> limitations) {
            if (mayBeCut > 0) {
                limitations.add(mayBeCut + " IPv6 rows fill net-tools' " + CUT_WIDTH + "-character address column: their "
                        + "addresses may have been cut short (capture with netstat -W to be sure)");
            }
            if (namesCut > 0) {
                limitations.add(namesCut + " rows have host names cut to net-tools' " + CUT_WIDTH + "-character column,"
                        + " kept as written (capture with netstat -n, or -W for whole names)");
            }
            limitations.add("netstat shows no socket options: reuse options and IPV6_V6ONLY are unknown");
            ignored.describeInto(limitations);
        }

        @Override
        public String os() {
            return "linux";
        }
    }

    private static SocketRecord readRow(CaptureLine line, String[] tokens, Protocol protocol, boolean hasUser,
                                        boolean hasProgram) throws CaptureParseException {
        if (tokens.length < 5 || CaptureLine.number(tokens[1]) == null || CaptureLine.number(tokens[2]) == null) {
            throw line.error("expected Proto, numeric Recv-Q and Send-Q, local and foreign address:port");
        }
        Family family = tokens[0].endsWith("6") ? Family.IPV6 : Family.IPV4;
        Endpoint local = line.local(Endpoint.splitColon(tokens[3]), "local address (4th column)", family, protocol,
                tokens[3].length() == CUT_WIDTH);
        Endpoint foreign = line.remote(Endpoint.splitColon(tokens[4]), "foreign address (5th column)", family, protocol,
                tokens[4].length() == CUT_WIDTH);
        if (family == Family.IPV4 && !local.unknown() && !IpLiterals.isIpv4(local.address())) {
            throw line.error("expected an IPv4 local address for " + tokens[0]);
        }
        int at = 5;
        String nativeState = null;
        if (at < tokens.length && STATE_WORD.matcher(tokens[at]).matches()) {
            nativeState = tokens[at++];
        }
        String state = protocol == Protocol.UDP
                ? ("ESTABLISHED".equals(nativeState) ? SocketRecord.ESTABLISHED : null)
                : StateWords.linuxName(nativeState);
        if (protocol == Protocol.TCP && state == null) {
            throw line.error("expected a TCP state (LISTEN, ESTABLISHED, ...) after the foreign address");
        }
        Integer uid = null;
        String user = null;
        Long inode = null;
        if (hasUser) {
            if (at + 2 > tokens.length) {
                throw line.error("expected User and Inode columns (the header has them)");
            }
            String userText = tokens[at++];
            uid = CaptureLine.number(userText);
            if (uid == null) {
                user = userText; // a name when captured without -n; only root's uid is the same everywhere
                uid = userText.equals("root") ? 0 : null;
            }
            inode = CaptureLine.longNumber(tokens[at++]);
            if (inode == null) {
                throw line.error("expected a numeric Inode column");
            }
        }
        Integer pid = null;
        ProcessInfo process = null;
        if (hasProgram) {
            if (at >= tokens.length) {
                throw line.error("expected a PID/Program name column (the header has one)");
            }
            String program = String.join(" ", Arrays.copyOfRange(tokens, at, tokens.length));
            int slash = program.indexOf('/');
            if (!program.equals("-")) {
                pid = slash > 0 ? CaptureLine.number(program.substring(0, slash)) : null;
                if (pid == null) {
                    throw line.error("expected PID/Program name or \"-\" in the last column");
                }
                process = new ProcessInfo(program.substring(slash + 1), null, null, user, uid, List.of());
            }
        } else if (at < tokens.length) {
            throw line.error("expected nothing after column " + at + " (the header has no more columns)");
        }
        if (process == null && user != null) {
            process = new ProcessInfo(null, null, null, user, uid, List.of());
        }
        boolean noPeer = foreign.isUnspecified();
        return new SocketRecord(protocol, family, local.address(), local.port(),
                noPeer ? null : foreign.address(), noPeer ? null : foreign.port(), state, nativeState,
                pid, process, uid, inode, null, null, CaptureLine.names(local, noPeer ? null : foreign));
    }

    private static Protocol protocol(String token) {
        return switch (token) {
            case "tcp", "tcp6" -> Protocol.TCP;
            case "udp", "udp6" -> Protocol.UDP;
            default -> null;
        };
    }
}
