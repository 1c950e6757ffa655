package org.socketinspector.macos;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.socketinspector.exec.CommandRunner;
import org.socketinspector.exec.ToolCommand;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.parse.CaptureDecoder;
import org.socketinspector.parse.CaptureParser;
import org.socketinspector.parse.CaptureScans;
import org.socketinspector.parse.LsofParser;
import org.socketinspector.parse.MacNetstatParser;
import org.socketinspector.parse.ParsedCapture;

/**
 * macOS through its tools: {@code netstat -anv -p tcp} and {@code -p udp} list every socket with its pid, and
 * {@code lsof -nP -iTCP -iUDP} names the processes and users behind those pids. Neither shows SO_REUSEADDR or
 * SO_REUSEPORT; tcp46 rows tell that IPV6_V6ONLY is off.
 */
public final class MacToolScanner {

    static final List<String> NETSTAT_TCP = List.of("netstat", "-anv", "-p", "tcp");
    static final List<String> NETSTAT_UDP = List.of("netstat", "-anv", "-p", "udp");
    static final List<String> LSOF = List.of("lsof", "-nP", "-iTCP", "-iUDP");
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ToolCommand runner;
    private final boolean privileged;
    private final Supplier<HostInfo> host;

    public MacToolScanner() {
        this(new CommandRunner(TIMEOUT), "root".equals(System.getProperty("user.name")), MacToolScanner::thisHost);
    }

    MacToolScanner(ToolCommand runner, boolean privileged, Supplier<HostInfo> host) {
        this.runner = runner;
        this.privileged = privileged;
        this.host = host;
    }

    public Scan scan(boolean includeConnections) throws IOException {
        Instant collectedAt = Instant.now();
        String netstat = text(NETSTAT_TCP) + "\n" + text(NETSTAT_UDP);
        ParsedCapture sockets = parse(new MacNetstatParser(), netstat, "netstat -anv");
        List<String> limitations = new ArrayList<>();
        if (!privileged) {
            limitations.add("not root: lsof names only this user's processes; other owners show their pid only");
        }
        Map<Integer, ProcessInfo> owners = new HashMap<>();
        try {
            ParsedCapture lsof = parse(new LsofParser(), text(LSOF), String.join(" ", LSOF));
            for (SocketRecord s : lsof.sockets()) {
                if (s.pid() != null && s.process() != null) {
                    owners.putIfAbsent(s.pid(), s.process());
                }
            }
            if (lsof.skippedCount() > 0) {
                limitations.add("lsof could not be read on " + lsof.skippedCount() + (lsof.skippedCount() == 1
                        ? " line" : " lines") + ", processes there are known by pid only: line "
                        + lsof.skipped().get(0).line() + ": " + lsof.skipped().get(0).reason());
            }
        } catch (IOException e) {
            limitations.add("lsof could not be read, processes are known by pid only: " + e.getMessage());
        }
        List<SocketRecord> named = sockets.sockets().stream()
                .map(s -> s.pid() != null && owners.containsKey(s.pid()) ? s.withOwner(s.pid(), owners.get(s.pid())) : s)
                .toList();
        ParsedCapture withOwners = new ParsedCapture(sockets.format(), sockets.os(), named, sockets.limitations());
        return CaptureScans.live(withOwners, host.get(), collectedAt, privileged, "netstat+lsof", limitations,
                includeConnections);
    }

    private String text(List<String> command) throws IOException {
        return CaptureDecoder.decode(runner.run(command)).text();
    }

    /** A line a process name broke is skipped and named, never the whole source (issue 18 #13). */
    private static ParsedCapture parse(CaptureParser parser, String text, String source) {
        return parser.parseSkipping(text, source);
    }

    static HostInfo thisHost() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            name = null;
        }
        return new HostInfo(name, "macos", System.getProperty("os.version"), null, null);
    }
}
