package org.socketinspector.cli;

import org.socketinspector.collect.Platform;

/** The command line's entry point: this machine's platform, made once, and the commands. */
public final class CliMain {

    private CliMain() {
    }

    public static void main(String[] args) {
        System.exit(SocketInspectorCommand.run(Platform.forThisMachine(), args));
    }
}
