package org.socketinspector.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.socketinspector.collect.Platform;
import picocli.CommandLine;

/** One command-line run with its output captured, as the tests of the commands see it. */
record CliRun(int exitCode, String out, String err) {

    /** The tests' platform, as CliMain makes it: one for the whole test run. */
    static final Platform PLATFORM = Platform.forThisMachine();

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SocketInspectorCommand.commandLine(CliRun.PLATFORM);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
