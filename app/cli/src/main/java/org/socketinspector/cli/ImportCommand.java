package org.socketinspector.cli;

import org.socketinspector.text.TerminalText;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.socketinspector.input.InputLimits;
import org.socketinspector.inspect.InspectException;
import org.socketinspector.inspect.UserFiles;
import org.socketinspector.json.SocketSpool;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SkippedLine;
import org.socketinspector.parse.CaptureFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code import FILE}: reads a socket listing captured on another machine (netstat, ss, lsof, or a scan's JSON)
 * and prints it exactly like {@code scan}. docs/import.md lists the formats and what a capture cannot know.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Reads a captured socket listing and prints it like 'scan': the output of Windows netstat -a/-an/"
                + "-ano/-anob (any display language, UTF-8/UTF-16/OEM code pages), Linux ss or netstat (with or without "
                + "-n, -p, -e), macOS or FreeBSD netstat, lsof -i, several of them in one file, or 'scan --json'. "
                + "Service and host names are kept (never looked up); lines that cannot be read are skipped and listed.",
                "Options the text cannot show are unknown ('?', null in JSON)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success, every line read", "1:the file cannot be read, no socket could be read, or --strict "
                + "and a line could not be read (file:line: message on stderr)",
            "2:usage error", "4:imported, but some lines that should have been sockets were skipped (listed on stderr "
                + "and in the JSON's skipped)"})
public final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The capture file; - reads standard input.")
    Path file;

    @Option(names = "--format", paramLabel = "auto|netstat-windows|netstat-linux|ss|netstat-macos|netstat-freebsd|lsof|json",
            defaultValue = "auto", converter = FormatConverter.class,
            description = "The capture's format; auto detects it from the content (default: ${DEFAULT-VALUE}).")
    CaptureFormat format;

    @Option(names = "--json", description = "Print the scan JSON contract (socket-inspector/scan/2) instead of the table.")
    boolean json;

    @Option(names = "--all", description = "Also list every connection, not only listeners and bound UDP sockets.")
    boolean all;

    @Option(names = "--strict", description = "Refuse the whole file at the first line that should have been a socket "
            + "and cannot be read (by default such lines are skipped and listed).")
    boolean strict;

    @Mixin
    IdleTimeoutOption idle;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // the sockets wait in a spool (a temporary file past 10,000) while the file is read, since the limitations
        // written before them are known only at its end: memory stays bounded whatever the capture's size
        try (SocketSpool sockets = new SocketSpool()) {
            Scan head = UserFiles.scan(file, format, all, strict, idle.applyTo(InputLimits.DEFAULT), sockets);
            long count = head.sockets().isEmpty() ? sockets.count() : head.sockets().size();
            if (count == 0 && !head.skipped().isEmpty()) {
                // nothing at all could be read: most likely the wrong --format, not a capture with a few bad lines
                SkippedLine first = head.skipped().get(0);
                return fail(TerminalText.escape(file + ":" + first.line() + ": " + first.reason() + " (no socket"
                        + " could be read, " + head.skipped().size() + " lines skipped"
                        + (format != null ? "; is it really " + format.wireName() + "?" : "") + ")"));
            }
            PrintWriter err = spec.commandLine().getErr();
            for (SkippedLine skipped : head.skipped()) {
                err.println(TerminalText.escape(file + ":" + skipped.line() + ": skipped: " + skipped.reason()));
            }
            err.flush();
            ScanOutput.print(head, head.sockets().isEmpty() ? sockets : head.sockets(), count, json, all,
                    spec.commandLine().getOut());
            return head.skipped().isEmpty() ? SocketInspectorCommand.EXIT_OK : SocketInspectorCommand.EXIT_SKIPPED_LINES;
        } catch (InspectException e) {
            return fail(e.getMessage());
        } catch (UncheckedIOException e) {
            return fail("the temporary file holding the imported sockets cannot be used ("
                    + e.getCause().getMessage() + ")");
        }
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("socket-inspector: " + TerminalText.escape(message)); // as every command
        spec.commandLine().getErr().flush();
        return SocketInspectorCommand.EXIT_FAILURE;
    }

    static final class FormatConverter implements ITypeConverter<CaptureFormat> {
        @Override
        public CaptureFormat convert(String value) {
            if (value.equalsIgnoreCase("auto")) {
                return null;
            }
            try {
                return CaptureFormat.fromWireName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected auto, netstat-windows, netstat-linux, ss, netstat-macos, "
                        + "netstat-freebsd, lsof or json but was '" + value + "'");
            }
        }
    }
}
