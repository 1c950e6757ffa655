package org.socketinspector.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code history}: the stored experiment runs (E12) and scan snapshots (S3). */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Lists, shows, compares, exports and deletes stored experiment runs (ids E<n>) and saved scan "
                + "snapshots (ids S<n>, made by 'scan --save')."},
        subcommands = {HistoryListCommand.class, HistoryShowCommand.class, HistoryDiffCommand.class,
                HistoryDeleteCommand.class, HistoryExportCommand.class})
public final class HistoryCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
