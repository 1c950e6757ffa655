package org.socketinspector.cli;

import org.socketinspector.collect.Platform;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command. Each verb is a subcommand class in this package. */
@Command(name = "socket-inspector",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Shows every listening socket on this machine and which ones another process could hijack.",
        exitCodeListHeading = "Exit codes (the first that applies, in this order):%n",
        exitCodeList = {"2:usage error", "1:failure (one line on stderr)",
                "5:audit incomplete: this machine's socket options or owners could not all be read",
                "4:import skipped lines it could not read", "3:audit --fail-on reached", "0:success"},
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

    /*
     * Exit codes, one table for every command (README, docs/security.md). When several apply, the first in this
     * order wins: usage error (2), failure (1), incomplete audit (5), lines skipped on import (4), --fail-on
     * reached (3); else 0. An incomplete audit outranks --fail-on: findings it could not compute may be worse.
     */
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_FINDINGS = 3;
    /** {@code import} or {@code audit --input} of a capture skipped lines it could not read. */
    public static final int EXIT_SKIPPED_LINES = 4;
    /** A live audit could not read what its rules need (socket options, owners): not a pass. */
    public static final int EXIT_INCOMPLETE = 5;

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
        cl.registerConverter(java.nio.file.Path.class, new PathArgument()); // file names: issue 18, defect 11
        return cl;
    }

    public static int run(Platform platform, String... args) {
        return commandLine(platform).execute(args);
    }
}
