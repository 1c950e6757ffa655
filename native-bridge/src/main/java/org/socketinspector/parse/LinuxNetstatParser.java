package org.socketinspector.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    public ParsedCapture parse(String text, String source) throws CaptureParseException {
        List<SocketRecord> sockets = new ArrayList<>();
        List<String> limitations = new ArrayList<>();
        SkippedLines skipped = new SkippedLines();
        boolean hasUser = false;
        boolean hasProgram = false;
        int mayBeCut = 0;
        for (CaptureLine line : CaptureLine.lines(text, source)) {
            String[] tokens = line.tokens();
            if (skipped.blank(tokens)) {
                continue;
            }
            if (tokens[0].equals("Proto")) {
                hasUser = line.text.contains("User") && line.text.contains("Inode");
                hasProgram = line.text.contains("PID/Program");
                skipped.skip(SkippedLines.BANNER);
                continue;
            }
            Protocol protocol = protocol(tokens[0]);
            if (protocol == null) {
                if (tokens[0].startsWith("raw") || tokens[0].equals("unix") || tokens[0].startsWith("udpl")) {
                    skipped.skip(SkippedLines.NOT_IP);
                } else {
                    skipped.skip(tokens[0].equals("Active") ? SkippedLines.BANNER : SkippedLines.OTHER);
                }
                continue;
            }
            sockets.add(readRow(line, tokens, protocol, hasUser, hasProgram));
            if (tokens[0].endsWith("6") && (tokens[3].length() == CUT_WIDTH || tokens[4].length() == CUT_WIDTH)) {
                mayBeCut++;
            }
        }
        if (mayBeCut > 0) {
            limitations.add(mayBeCut + " IPv6 rows fill net-tools' " + CUT_WIDTH + "-character address column: their "
                    + "addresses may have been cut short (capture with netstat -W to be sure)");
        }
        limitations.add("netstat shows no socket options: reuse options and IPV6_V6ONLY are unknown");
        skipped.describeInto(limitations);
        return new ParsedCapture(CaptureFormat.NETSTAT_LINUX, "linux", sockets, limitations);
    }

    private static SocketRecord readRow(CaptureLine line, String[] tokens, Protocol protocol, boolean hasUser,
                                        boolean hasProgram) throws CaptureParseException {
        if (tokens.length < 5 || CaptureLine.number(tokens[1]) == null || CaptureLine.number(tokens[2]) == null) {
            throw line.error("expected Proto, numeric Recv-Q and Send-Q, local and foreign address:port");
        }
        Family family = tokens[0].endsWith("6") ? Family.IPV6 : Family.IPV4;
        Endpoint local = line.local(Endpoint.splitColon(tokens[3]), "local address (4th column)", family);
        Endpoint foreign = line.remote(Endpoint.splitColon(tokens[4]), "foreign address (5th column)");
        if (family == Family.IPV4 && !IpLiterals.isIpv4(local.address())) {
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
        Long inode = null;
        if (hasUser) {
            if (at + 2 > tokens.length) {
                throw line.error("expected User and Inode columns (the header has them)");
            }
            uid = CaptureLine.number(tokens[at++]); // a name when captured without -n: kept unknown
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
                process = new ProcessInfo(program.substring(slash + 1), null, null, null, uid, List.of());
            }
        } else if (at < tokens.length) {
            throw line.error("expected nothing after column " + at + " (the header has no more columns)");
        }
        boolean noPeer = foreign.isUnspecified();
        return new SocketRecord(protocol, family, local.address(), local.port(),
                noPeer ? null : foreign.address(), noPeer ? null : foreign.port(), state, nativeState,
                pid, process, uid, inode, null, null);
    }

    private static Protocol protocol(String token) {
        return switch (token) {
            case "tcp", "tcp6" -> Protocol.TCP;
            case "udp", "udp6" -> Protocol.UDP;
            default -> null;
        };
    }
}
