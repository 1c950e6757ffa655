package org.socketinspector.linux;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.socketinspector.exec.CommandRunner;
import org.socketinspector.exec.ToolCommand;
import org.socketinspector.model.Scan;
import org.socketinspector.parse.CaptureDecoder;
import org.socketinspector.parse.CaptureParser;
import org.socketinspector.parse.LinuxNetstatParser;
import org.socketinspector.parse.ParsedCapture;
import org.socketinspector.parse.SsParser;
import org.socketinspector.parse.CaptureScans;

/**
 * The second Linux source: runs {@code ss -tuanpe} (or net-tools {@code netstat -tuanpe}) and parses its text.
 * It sees owners (as root) and IPV6_V6ONLY (ss -e) but no reuse option: that is what the native source is for.
 */
public final class LinuxToolScanner {

    /** Which tool to run. */
    public enum Tool {
        SS("ss", List.of("ss", "-tuanpe"), new SsParser()),
        NETSTAT("netstat", List.of("netstat", "-tuanpeW"), new LinuxNetstatParser()); // -W: addresses uncut

        final String name;
        final List<String> command;
        final CaptureParser parser;

        Tool(String name, List<String> command, CaptureParser parser) {
            this.name = name;
            this.command = command;
            this.parser = parser;
        }
    }

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Tool wanted;
    private final ToolCommand runner;
    private final Path proc;

    public LinuxToolScanner(Tool wanted) {
        this(wanted, new CommandRunner(TIMEOUT), Path.of("/proc"));
    }

    LinuxToolScanner(Tool wanted, ToolCommand runner, Path proc) {
        this.wanted = wanted;
        this.runner = runner;
        this.proc = proc;
    }

    /** @throws IOException when neither the wanted tool nor its fallback can be run, or its output is unreadable */
    public Scan scan(boolean includeConnections) throws IOException {
        List<String> limitations = new ArrayList<>();
        Tool tool = wanted;
        if (tool == Tool.SS && !CommandRunner.onPath("ss") && CommandRunner.onPath("netstat")) {
            tool = Tool.NETSTAT;
            limitations.add("ss is not installed: read net-tools netstat instead");
        }
        boolean privileged = LinuxHost.privileged(proc);
        if (!privileged) {
            limitations.add("not root: " + tool.name + " shows the owner only of this user's own sockets");
        }
        Instant collectedAt = Instant.now();
        byte[] output = runner.run(tool.command);
        // a line another user's process name broke is skipped and named, never the whole source (issue 18 #13)
        ParsedCapture capture = tool.parser.parseSkipping(CaptureDecoder.decode(output).text(),
                String.join(" ", tool.command));
        return CaptureScans.live(capture, LinuxHost.read(proc), collectedAt, privileged, tool.name, limitations,
                includeConnections);
    }
}
