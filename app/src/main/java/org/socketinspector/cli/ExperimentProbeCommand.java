package org.socketinspector.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.socketinspector.collect.Platform;
import org.socketinspector.experiment.Limits;
import org.socketinspector.experiment.LiveProbe;
import org.socketinspector.experiment.ProbeRecord;
import org.socketinspector.experiment.ProbeRequest;
import org.socketinspector.model.Protocol;
import org.socketinspector.sockets.SockOpt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code experiment probe}: can a second socket bind this live port? */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Binds a second socket to a live listener's address and port with the chosen options, as you or "
                + "(as root) another user, then closes it at once: no listen, no traffic. Says what an attacker "
                + "could do and which finding that confirms or refutes. Needs --yes."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the probe ran", "1:it could not run (one line on stderr)", "2:usage error, or --yes missing"})
public final class ExperimentProbeCommand implements Callable<Integer> {

    @Option(names = "--proto", defaultValue = "tcp", description = "tcp or udp (default ${DEFAULT-VALUE}).")
    String proto;

    @Option(names = "--address", required = true, description = "The listener's address (loopback, wildcard or this machine's own).")
    String address;

    @Option(names = "--port", required = true, description = "The listener's port.")
    int port;

    @Option(names = "--probe-address", description = "Bind this address instead of the listener's, e.g. ::1 to test a family shadow.")
    String probeAddress;

    @Option(names = "--option", split = ",", description = "Options of the probe socket: reuseaddr, reuseport, v6only.")
    List<String> options = new ArrayList<>();

    @Option(names = "--as-user", description = "Probe as this user (name or uid; another user needs root), e.g. the owner's uid.")
    String asUser;

    @Option(names = "--udp", description = "Allow a UDP probe: while bound, it may receive datagrams meant for the service.")
    boolean udpOptIn;

    @Option(names = "--victim-options", split = ",", description = "The listener's options if known, for the model's prediction.")
    List<String> victimOptions;

    @Option(names = "--victim-user", description = "The listener's owner if known (name), for the model's prediction.")
    String victimUser;

    @Option(names = "--yes", description = "Confirm: bind the live port (closed at once).")
    boolean yes;

    @Mixin
    ExperimentRun run;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Protocol protocol = Protocol.fromWireName(proto);
        Set<SockOpt> probeOptions = ExperimentArgs.options(spec, "--option", options);
        ProbeRequest request = new ProbeRequest(protocol, address, port, probeAddress, probeOptions,
                ExperimentArgs.uid(spec, "--as-user", asUser), udpOptIn,
                victimOptions == null ? null : ExperimentArgs.options(spec, "--victim-options", victimOptions), victimUser);
        if (!yes) {
            spec.commandLine().getErr().println("socket-inspector: this binds the live port " + request.probeAddress()
                    + ":" + port + " (" + protocol.wireName() + ", options " + probeOptions + ") and closes it at once"
                    + (protocol == Protocol.UDP ? "; while bound it may receive the service's datagrams" : "")
                    + "; add --yes to do it");
            return SocketInspectorCommand.EXIT_USAGE;
        }
        ProbeRecord record = run.runAndStore(Limits.DEFAULT_DURATION, cancel -> new LiveProbe(Platform.sockets()).run(request, cancel),
                ExperimentText::probe, spec);
        return SocketInspectorCommand.EXIT_OK;
    }
}
