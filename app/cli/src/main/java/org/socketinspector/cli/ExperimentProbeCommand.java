package org.socketinspector.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.socketinspector.error.InspectorException;
import org.socketinspector.collect.Platform;
import org.socketinspector.collect.ScanRequest;
import org.socketinspector.collect.Source;
import org.socketinspector.experiment.Limits;
import org.socketinspector.experiment.LiveProbe;
import org.socketinspector.experiment.ProbeCheck;
import org.socketinspector.experiment.ProbeRequest;
import org.socketinspector.experiment.ProbedListener;
import org.socketinspector.experiment.Users;
import org.socketinspector.inspect.Inspector;
import org.socketinspector.inspect.Target;
import org.socketinspector.rules.Audit;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.text.TerminalText;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.SocketOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code experiment probe}: can a second socket bind this live port? */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Binds a second socket to a live listener's address and port with the chosen options, as you or "
                + "(as root) another user, then closes it at once: no listen, no traffic. Says what an attacker "
                + "could do and which finding that confirms or refutes. Needs --yes."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the probe ran", "1:it could not run (one line on stderr)", "2:usage error, or --yes missing"})
public final class ExperimentProbeCommand implements Callable<Integer> {

    private final Platform platform;

    ExperimentProbeCommand(Platform platform) {
        this.platform = platform;
    }

    @Option(names = "--proto", paramLabel = "tcp|udp", defaultValue = "tcp", converter = Args.ProtocolArg.class,
            description = "tcp or udp (default ${DEFAULT-VALUE}).")
    Protocol protocol;

    @Option(names = "--address", required = true, description = "The listener's address (loopback, wildcard or this machine's own).")
    String address;

    @Option(names = "--port", required = true, paramLabel = "1..65535", converter = Args.PortArg.class,
            description = "The listener's port.")
    int port;

    @Option(names = "--probe-address", description = "Bind this address instead of the listener's, e.g. ::1 to test a family shadow.")
    String probeAddress;

    @Option(names = "--option", split = ",", paramLabel = "OPTION", converter = Args.OptionArg.class,
            description = "Options of the probe socket: reuseaddr, reuseport (Linux), exclusiveaddruse (Windows),"
                    + " v6only, or none.")
    List<SocketOption> options = new ArrayList<>();

    @Option(names = "--as-user", paramLabel = "USER|owner", converter = Args.ProbeUserArg.class,
            description = "Probe as this user (name or uid; another user needs root), or 'owner': the listener's"
                    + " owner, from a live scan.")
    Args.ProbeUser asUser;

    @Option(names = "--udp", description = "Allow a UDP probe: while bound, it may receive datagrams meant for the service.")
    boolean udpOptIn;

    @Option(names = "--victim-options", split = ",", paramLabel = "OPTION", converter = Args.OptionArg.class,
            description = "The listener's options, for the model's prediction (default: read from a live scan).")
    List<SocketOption> victimOptions;

    @Option(names = "--victim-user", paramLabel = "USER", converter = Args.UserNameArg.class,
            description = "The listener's owner (a user of this machine), for the model's prediction (default: read"
                    + " from a live scan).")
    String victimUser;

    @Option(names = "--yes", description = "Confirm: bind the live port (closed at once).")
    boolean yes;

    @Mixin
    ExperimentRun run;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Set<SocketOption> probeOptions = Args.optionSet(options);
        boolean asOwner = asUser != null && asUser.owner();
        // Every refusal first (the listener's details do not matter to it): a probe that cannot run must not print
        // what the live scan found before it says why.
        refuseIfCannotRun(new ProbeRequest(protocol, address, port, probeAddress, probeOptions,
                asOwner ? Users.SELF : probeUid(Optional.empty()), udpOptIn, null, null, false));
        Optional<SocketRecord> listener = victimOptions == null || victimUser == null || asOwner
                ? liveListener(protocol) : Optional.empty();
        Set<SocketOption> listenerOptions = victimOptions != null ? Args.optionSet(victimOptions)
                : listener.map(s -> ProbedListener.knownOptions(s, OsFamily.of(platform.os()))).orElse(null);
        String listenerUser = victimUser != null ? victimUser : listener.map(ProbedListener::owner).orElse(null);
        ProbeRequest request = new ProbeRequest(protocol, address, port, probeAddress, probeOptions, probeUid(listener),
                udpOptIn, listenerOptions, listenerUser, listener.map(SocketRecord::isBoundOnly).orElse(false),
                listener.map(s -> ProbedListener.findings(scanned.findings(), s)).orElse(null));
        refuseIfCannotRun(request);
        if (!yes) {
            spec.commandLine().getErr().println("socket-inspector: this binds the live port " + request.probeAddress()
                    + ":" + port + " (" + protocol.wireName() + ", options " + SocketOption.constantNames(probeOptions, ", ") + ") and closes it at once"
                    + (protocol == Protocol.UDP ? "; while bound it may receive the service's datagrams" : "")
                    + "; add --yes to do it");
            return SocketInspectorCommand.EXIT_USAGE;
        }
        run.runAndStore(Limits.DEFAULT_DURATION, cancel -> new LiveProbe(platform.sockets(), run.helpers(platform.processes())).run(request, cancel),
                ExperimentText::probe, spec);
        return SocketInspectorCommand.EXIT_OK;
    }

    /** The same check the GUI and LiveProbe make: a request that cannot run is a usage error, before --yes. */
    private void refuseIfCannotRun(ProbeRequest request) {
        List<String> problems = new ProbeCheck(OsFamily.of(platform.os()), platform.processes().effectiveUid())
                .problems(request);
        if (!problems.isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join(" ", problems));
        }
    }

    /** The live audit the listener was found in: it names the findings the probe may confirm or refute. */
    private Audit scanned;

    /** The listener as a live scan sees it, for its owner and options; empty (and said) when not found. */
    private Optional<SocketRecord> liveListener(Protocol protocol) {
        try {
            scanned = new Inspector(platform).inspect(new Target.ThisMachine(Source.AUTO, ScanRequest.LISTENERS)).audit();
            Optional<SocketRecord> found = ProbedListener.find(scanned.scan(), protocol, address, port);
            if (found.isEmpty()) {
                spec.commandLine().getErr().println("socket-inspector: no " + protocol.wireName() + " listener on "
                        + TerminalText.escape(address) + " port " + port + " in a live scan: the model makes no prediction");
            }
            return found;
        } catch (InspectorException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("socket-inspector: could not scan for the listener (" + TerminalText.escape(e.getMessage())
                    + "): the model makes no prediction");
            return Optional.empty();
        }
    }

    private int probeUid(Optional<SocketRecord> listener) {
        if (asUser == null || !asUser.owner()) {
            return asUser == null ? Users.SELF : asUser.uid();
        }
        Integer uid = listener.map(ProbedListener::ownerUid).orElse(null);
        if (uid == null) {
            throw new ParameterException(spec.commandLine(), "--as-user owner: the listener's owner is not known"
                    + " (no such listener in a live scan, or its owner could not be read)");
        }
        return uid;
    }
}
