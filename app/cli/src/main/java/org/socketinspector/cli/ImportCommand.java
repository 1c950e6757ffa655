package org.socketinspector.cli;

import org.socketinspector.text.TerminalText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.Scan;
import org.socketinspector.parse.CaptureFormat;
import org.socketinspector.parse.CaptureImport;
import org.socketinspector.parse.CaptureParseException;
import org.socketinspector.parse.CaptureScans;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code import FILE}: reads a socket listing captured on another machine (netstat, ss, lsof, or a scan's JSON)
 * and prints it exactly like {@code scan}. docs/import.md lists the formats and what a capture cannot know.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Reads a captured socket listing and prints it like 'scan': the output of Windows netstat -ano "
                + "or -anob (any display language, UTF-8/UTF-16/OEM code pages), Linux ss -tuanpe or netstat -tuanpe, "
                + "macOS netstat -anv -p tcp / -p udp, lsof -nP -iTCP -iUDP, or 'scan --json'.",
                "Options the text cannot show are unknown ('?', null in JSON)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success", "1:the file cannot be read (file:line: message on stderr)", "2:usage error"})
public final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The capture file.")
    Path file;

    @Option(names = "--format", paramLabel = "auto|netstat-windows|netstat-linux|ss|netstat-macos|lsof|json",
            defaultValue = "auto", converter = FormatConverter.class,
            description = "The capture's format; auto detects it from the content (default: ${DEFAULT-VALUE}).")
    CaptureFormat format;

    @Option(names = "--json", description = "Print the scan JSON contract (socket-inspector/scan/1) instead of the table.")
    boolean json;

    @Option(names = "--all", description = "Also list every connection, not only listeners and bound UDP sockets.")
    boolean all;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String source = file.toString();
        try {
            Scan scan = read(file, format, all);
            ScanOutput.print(scan, json, all, spec.commandLine().getOut());
            return SocketInspectorCommand.EXIT_OK;
        } catch (CaptureParseException e) {
            return fail(e.getMessage());
        } catch (IOException e) {
            return fail(source + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * Reads a capture file (any supported format; {@code format} null = detect) as a scan: also what
     * {@code audit --input} reads.
     */
    static Scan read(Path file, CaptureFormat format, boolean all) throws CaptureParseException, IOException {
        String source = file.toString();
        CaptureImport capture = CaptureImport.of(Files.readAllBytes(file), source, format);
        return capture.format() == CaptureFormat.JSON ? fromJson(capture.text(), source) : fromText(file, capture, all);
    }

    private static Scan fromText(Path file, CaptureImport capture, boolean all) throws CaptureParseException, IOException {
        String source = file.toString();
        Scan scan = CaptureScans.toScan(capture.parse(source), hostName(file), Files.getLastModifiedTime(file).toInstant(),
                all);
        List<String> limitations = new ArrayList<>(scan.limitations());
        limitations.add("read as " + capture.charset().name() + "; collectedAt is the capture file's modification time");
        return new Scan(scan.schema(), scan.tool(), scan.host(), scan.collectedAt(), scan.privileged(), scan.sources(),
                limitations, scan.sockets());
    }

    /** A scan or audit written by {@code scan --json}: printed as it was, its source list saying it was imported. */
    private static Scan fromJson(String text, String source) throws CaptureParseException {
        try {
            Scan scan = ScanJson.read(text).scan();
            List<String> sources = new ArrayList<>(scan.sources());
            sources.add(CaptureFormat.JSON.importSource());
            return new Scan(scan.schema(), scan.tool(), scan.host(), scan.collectedAt(), scan.privileged(), sources,
                    scan.limitations(), scan.sockets());
        } catch (ScanJson.InvalidJsonException e) {
            throw new CaptureParseException(source, 0, e.getMessage());
        }
    }

    /** "web01.netstat.txt" -> "web01.netstat": the capture's name is the best guess of the machine's. */
    static String hostName(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return null;
        }
        String text = name.toString();
        int dot = text.lastIndexOf('.');
        String base = dot > 0 ? text.substring(0, dot) : text;
        return base.isBlank() ? null : base;
    }

    private int fail(String message) {
        spec.commandLine().getErr().println(TerminalText.escape(message));
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
                        + "lsof or json but was '" + value + "'");
            }
        }
    }
}
