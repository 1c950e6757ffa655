package org.socketinspector.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.socketinspector.collect.Platform;
import org.socketinspector.experiment.Limits;
import org.socketinspector.experiment.BindMatrix;
import org.socketinspector.experiment.MatrixResult;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.OsFamily;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code experiment matrix}: every cell of this OS's bind matrix, measured, next to the model. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = {"Runs every cell of this OS's bind matrix (TCP/UDP x IPv4/IPv6/dual-stack x option sets x users "
                + "x addresses x bound/listening) with real sockets on loopback, next to the semantics model, and shows "
                + "every disagreement. Linux: 17,760 cells (6,912, plus IPv4-mapped addresses, time-wait and connected UDP);"
                + " cells as uid 65534 need root (else they are skipped, and say "
                + "so). Windows: 675 cells, all as the user running it. Ctrl-C or --max-seconds stops it; the cells "
                + "measured so far are stored, the others listed as skipped."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no disagreement", "1:disagreements found, it was cancelled or hit its time limit (the cells"
                + " measured so far are stored), or it could not run", "2:usage error"})
public final class ExperimentMatrixCommand implements Callable<Integer> {

    private final Platform platform;

    ExperimentMatrixCommand(Platform platform) {
        this.platform = platform;
    }

    @Option(names = "--parallel", defaultValue = "4", converter = Args.ParallelArg.class, description = "Cells run at once (1.." + BindMatrix.MAX_PARALLELISM + ").")
    int parallel;

    @Option(names = "--count", defaultValue = "" + BindMatrix.DEFAULT_ATTEMPTS, converter = Args.CountArg.class,
            description = "Connections or datagrams per cell (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--all", description = "List every cell, not only disagreements.")
    boolean all;

    @Mixin
    ExperimentRun run;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OsFamily os = OsFamily.of(platform.os());
        List<BindQuestion> space = BindMatrix.questionSpace(os);
        MatrixResult result = run.runAndStore(Limits.DEFAULT_MATRIX_DURATION, cancel -> new BindMatrix(platform.sockets(), run.helpers(platform.processes()),
                BindSemantics.forOs(os), count, parallel).run(space, cancel, null),
                r -> ExperimentText.matrix(r, all), spec);
        if (result.disagreements() > 0) {
            spec.commandLine().getErr().println("socket-inspector: " + result.disagreements()
                    + " cells disagree with the model");
        }
        return result.disagreements() == 0 && result.stopped() == null ? SocketInspectorCommand.EXIT_OK
                : SocketInspectorCommand.EXIT_FAILURE;
    }
}
