package org.socketinspector.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code experiment}: controlled rebind experiments on this machine (see docs/experiments.md). */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Controlled rebind experiments with real sockets: probe a live port, replay a hijack between "
                + "two helper processes, or run the whole bind matrix next to the semantics model.",
                "Only loopback (or this machine's own address for a probe), bounded counts and times; every run is "
                + "stored in the history (see 'history list')."},
        subcommands = {ExperimentProbeCommand.class, ExperimentReplayCommand.class, ExperimentMatrixCommand.class})
public final class ExperimentCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
