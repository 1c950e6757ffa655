package org.socketinspector.cli;

import org.socketinspector.collect.Platform;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command. Each verb is a subcommand class in this package. */
@Command(name = "socket-inspector",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Shows every listening socket on this machine and which ones another process could hijack.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ScanCommand.class,
                AuditCommand.class,
                WhatIfCommand.class,
                ImportCommand.class,
                ReportCommand.class,
                HistoryCommand.class,
                ExperimentCommand.class,
        })
public final class SocketInspectorCommand implements Runnable {

    /** Exit codes: 0 success, 1 failure (one line on stderr), 2 usage error, 3 audit threshold reached. */
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_FINDINGS = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line of this program, its commands handed the one platform of this run. */
    public static CommandLine commandLine(Platform platform) {
        CommandLine cl = new CommandLine(new SocketInspectorCommand(), new PlatformFactory(platform));
        cl.setExecutionExceptionHandler(new FailureHandler());
        return cl;
    }

    public static int run(Platform platform, String... args) {
        return commandLine(platform).execute(args);
    }
}
