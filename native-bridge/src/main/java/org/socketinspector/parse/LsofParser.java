package org.socketinspector.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.socketinspector.model.Family;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketRecord;

/**
 * Reads {@code lsof -nP -iTCP -iUDP} from Linux or macOS. lsof lists a socket once per descriptor, so a socket
 * shared by several processes (forked servers) appears several times; it is kept once, with its first owner.
 * The DEVICE column tells the OS: a socket inode on Linux, a kernel address ({@code 0x...}) on macOS.
 */
public final class LsofParser implements CaptureParser {

    @Override
    public CaptureFormat format() {
        return CaptureFormat.LSOF;
    }

    @Override
    public LineParser start(String source) {
        return new Reader();
    }

    private static final class Reader implements LineParser {
        private final SkippedLines ignored = new SkippedLines();
        private final SeenSockets seen = new SeenSockets();
        private int duplicates;
        private int kernelAddresses;
        private int inodes;

        @Override
        public boolean accept(CaptureLine line, Consumer<SocketRecord> out) throws CaptureParseException {
            String[] tokens = line.tokens();
            if (ignored.blank(tokens)) {
                return false;
            }
            if (tokens[0].equals("COMMAND")) {
                ignored.skip(SkippedLines.BANNER);
                return false;
            }
            int type = indexOfType(tokens);
            if (type < 0) {
                // lsof's own warnings ("lsof: WARNING: can't stat() ...") and non-IP rows
                ignored.skip(tokens[0].startsWith("lsof") ? "lsof warning" : SkippedLines.OTHER);
                return false;
            }
            Row row = readRow(line, tokens, type);
            if (row.device.startsWith("0x")) {
                kernelAddresses++;
            } else if (row.record.inode() != null) {
                inodes++;
            }
            // one compact key per distinct socket: the only state that grows with the capture (see SeenSockets)
            if (!seen.add(row.device, row.record.protocol() + " " + row.record.localEndpoint() + " "
                    + row.record.remoteAddress() + " " + row.record.remotePort())) {
                duplicates++;
                return true;
            }
            out.accept(row.record);
            return true;
        }

        @Override
        public void finish(Consumer<SocketRecord> out, List<String> limitations) {
            if (duplicates > 0) {
                limitations.add(duplicates + " more descriptors of sockets already listed (shared by several processes) "
                        + "were merged into the first owner");
            }
            limitations.add("lsof shows no socket options: reuse options and IPV6_V6ONLY are unknown");
            ignored.describeInto(limitations);
        }

        @Override
        public String os() {
            return kernelAddresses > inodes ? "macos" : "linux";
        }
    }

    private record Row(SocketRecord record, String device) {
    }

    /** The TYPE column (IPv4/IPv6); lsof may insert TID/TASKCMD columns, so it is searched, not counted. */
    private static int indexOfType(String[] tokens) {
        for (int i = 3; i < tokens.length - 2; i++) {
            if (tokens[i].equals("IPv4") || tokens[i].equals("IPv6")) {
                return i;
            }
        }
        return -1;
    }

    private static Row readRow(CaptureLine line, String[] tokens, int type) throws CaptureParseException {
        Integer pid = CaptureLine.number(tokens[1]);
        if (pid == null) {
            throw line.error("expected a numeric PID in the 2nd column");
        }
        int node = -1;
        for (int i = type + 1; i < tokens.length - 1; i++) {
            if (tokens[i].equals("TCP") || tokens[i].equals("UDP")) {
                node = i;
                break;
            }
        }
        if (node < 0) {
            throw line.error("expected TCP or UDP in the NODE column followed by the NAME");
        }
        Protocol protocol = tokens[node].equals("TCP") ? Protocol.TCP : Protocol.UDP;
        Family family = tokens[type].equals("IPv6") ? Family.IPV6 : Family.IPV4;
        String device = tokens[type + 1];
        String name = tokens[node + 1];
        String nativeState = null;
        if (node + 2 < tokens.length) {
            String last = tokens[node + 2];
            if (!last.startsWith("(") || !last.endsWith(")") || node + 3 < tokens.length) {
                throw line.error("expected an optional (STATE) after the NAME column");
            }
            nativeState = last.substring(1, last.length() - 1);
        }
        int arrow = name.indexOf("->");
        String localText = arrow >= 0 ? name.substring(0, arrow) : name;
        Endpoint local = line.local(Endpoint.splitColon(localText), "NAME column's local address", family, protocol,
                false);
        Endpoint remote = arrow >= 0
                ? line.remote(Endpoint.splitColon(name.substring(arrow + 2)), "NAME column's remote address", family,
                        protocol, false)
                : new Endpoint(null, null);
        String state;
        if (protocol == Protocol.TCP) {
            state = StateWords.linuxName(nativeState);
            if (state == null) {
                throw line.error("expected a TCP state such as (LISTEN) after the NAME");
            }
        } else {
            state = remote.address() != null ? SocketRecord.ESTABLISHED : null;
        }
        Long inode = CaptureLine.longNumber(device); // Linux: the socket inode; macOS: a 0x kernel address
        String user = tokens[type - 2];
        Integer uid = CaptureLine.number(user); // lsof -l prints uids; by default it prints names
        ProcessInfo process = new ProcessInfo(tokens[0].replace("\\x20", " "), null, null,
                uid == null ? user : null, uid, List.of());
        boolean noPeer = remote.isUnspecified();
        SocketRecord record = new SocketRecord(protocol, family, local.address(), local.port(),
                noPeer ? null : remote.address(), noPeer ? null : remote.port(), state, nativeState,
                pid, process, uid, inode, null, null, CaptureLine.names(local, noPeer ? null : remote));
        return new Row(record, device);
    }
}
