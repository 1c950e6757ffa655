package org.socketinspector.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.socketinspector.collect.Platform;
import org.socketinspector.testing.FakePlatform;
import picocli.CommandLine;

/** One command-line run with its output captured, as the tests of the commands see it. */
record CliRun(int exitCode, String out, String err) {

    /** The tests' platform, as CliMain makes it: one for the whole test run. */
    static final Platform PLATFORM = Platform.forThisMachine();
    /** The listeners of {@link #FAKE}: a shared web port (SO_REUSEPORT, a finding) and a plain database port. */
    static final int FAKE_WEB_PORT = 8080;
    static final int FAKE_DB_PORT = 5432;
    /** For the tests whose subject is a command, not this machine: every scan lists these two known listeners. */
    static final FakePlatform FAKE = FakePlatform.withSockets(
            FakePlatform.tcpListener("127.0.0.1", FAKE_WEB_PORT, "web", 4242, true, true),
            FakePlatform.tcpListener("0.0.0.0", FAKE_DB_PORT, "db", 4343, false, false));

    /** A run on this machine. */
    static CliRun run(String... args) {
        return run(PLATFORM, args);
    }

    /** A run on the fake platform with known sockets. */
    static CliRun onFake(String... args) {
        return run(FAKE, args);
    }

    static CliRun run(Platform platform, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SocketInspectorCommand.commandLine(platform);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
