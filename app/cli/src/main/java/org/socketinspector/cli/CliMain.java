package org.socketinspector.cli;

import org.socketinspector.collect.Platform;
import org.socketinspector.error.Logs;

/** The command line's entry point: this machine's platform, made once, and the commands. */
public final class CliMain {

    private CliMain() {
    }

    public static void main(String[] args) {
        Logs.quiet(); // standard output is the command's result; nothing may log into it, nor into its errors
        System.exit(SocketInspectorCommand.run(Platform.forThisMachine(), args));
    }
}
