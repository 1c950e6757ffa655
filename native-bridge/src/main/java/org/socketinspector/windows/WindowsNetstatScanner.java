package org.socketinspector.windows;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.socketinspector.exec.CommandRunner;
import org.socketinspector.exec.ToolCommand;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.Scan;
import org.socketinspector.parse.CaptureDecoder;
import org.socketinspector.parse.CaptureScans;
import org.socketinspector.parse.ParsedCapture;
import org.socketinspector.parse.WindowsNetstatParser;

/**
 * The second Windows source: {@code netstat -ano}, or {@code netstat -anob} when elevated (-b needs it and adds
 * the executable and service names). The output is in the console's OEM code page; {@link CaptureDecoder} finds
 * it, and the parser reads any display language.
 */
public final class WindowsNetstatScanner {

    static final List<String> PLAIN = List.of("netstat", "-ano");
    static final List<String> WITH_OWNERS = List.of("netstat", "-anob");
    /** -b resolves every owner and is slow on busy machines. */
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final ToolCommand runner;
    private final BooleanSupplier elevated;
    private final Supplier<HostInfo> host;

    public WindowsNetstatScanner() {
        this(new CommandRunner(TIMEOUT), () -> new JnaWindowsProcessInfo().elevated(), WindowsSocketScanner::thisHost);
    }

    WindowsNetstatScanner(ToolCommand runner, BooleanSupplier elevated, Supplier<HostInfo> host) {
        this.runner = runner;
        this.elevated = elevated;
        this.host = host;
    }

    public Scan scan(boolean includeConnections) throws IOException {
        boolean admin = elevated.getAsBoolean();
        List<String> command = admin ? WITH_OWNERS : PLAIN;
        List<String> limitations = new ArrayList<>();
        if (!admin) {
            limitations.add("not elevated: netstat -ano gives PIDs but no executable or service names (-b needs "
                    + "an elevated prompt)");
        }
        Instant collectedAt = Instant.now();
        byte[] output = runner.run(command);
        // a line a process or host name broke is skipped and named, never the whole source (issue 18 #13)
        ParsedCapture capture = new WindowsNetstatParser().parseSkipping(CaptureDecoder.decode(output).text(),
                String.join(" ", command));
        return CaptureScans.live(capture, host.get(), collectedAt, admin, "netstat", limitations, includeConnections);
    }
}
