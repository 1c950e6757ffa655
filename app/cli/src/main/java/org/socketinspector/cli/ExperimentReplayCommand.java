package org.socketinspector.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.socketinspector.collect.Platform;
import org.socketinspector.experiment.LabReplay;
import org.socketinspector.experiment.Limits;
import org.socketinspector.experiment.RemediatedReplay;
import org.socketinspector.experiment.RemedyResult;
import org.socketinspector.experiment.ReplayRequest;
import org.socketinspector.experiment.ReplayResult;
import org.socketinspector.experiment.Users;
import org.socketinspector.lesson.ReplayPreset;
import org.socketinspector.lesson.SocketSpec;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.semantics.OsFamily;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code experiment replay}: a victim and an attacker helper process, and a client counting who gets what. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replays a hijack on loopback (or, with --netns, in a network namespace created for it): a victim "
                + "and an attacker helper process bind with the chosen options and users, a client makes N "
                + "connections or sends N datagrams, and each is attributed to who got it.",
                "Presets: --list-presets (the Windows ones run only on Windows). Or a custom case with the --proto, "
                + "--victim-* and --attacker-* options; a preset fixes both sockets, so those options with --preset "
                + "are a usage error (--target, --count, --port and --netns apply to both; a preset that changes a "
                + "sysctl always runs in a network namespace of its own, root only).",
                "--remediated: the preset's rule's fix applied to the victim, the same attacker: shows the attack "
                + "failing and the service still reached on every address it served (a case about another OS is "
                + "the model's prediction, labelled so)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the replay ran (--remediated: and the fix worked)", "1:--remediated: the fix did not work; or it could not run, or it was cancelled or hit its time limit (the partial run"
                + " is stored; one line on stderr)", "2:usage error"})
public final class ExperimentReplayCommand implements Callable<Integer> {

    private final Platform platform;

    ExperimentReplayCommand(Platform platform) {
        this.platform = platform;
    }

    @Option(names = "--preset", description = "A preset case (see above).")
    String preset;

    @Option(names = "--list-presets", description = "List the presets and exit.")
    boolean listPresets;

    @Option(names = "--proto", paramLabel = "tcp|udp", defaultValue = "tcp", converter = Args.ProtocolArg.class,
            description = "Custom case: tcp or udp.")
    Protocol protocol;

    @Option(names = "--victim-address", defaultValue = "127.0.0.1", description = "Custom case: the victim's address.")
    String victimAddress;

    @Option(names = "--victim-options", split = ",", paramLabel = "OPTION", converter = Args.OptionArg.class,
            description = "Custom case: reuseaddr, reuseport, exclusiveaddruse, v6only or none.")
    List<SocketOption> victimOptions = new ArrayList<>();

    @Option(names = "--victim-user", paramLabel = "USER", converter = Args.UserArg.class,
            description = "Custom case: the victim's user (root only for another user).")
    Integer victimUid;

    @Option(names = "--attacker-address", defaultValue = "127.0.0.1", description = "Custom case: the attacker's address.")
    String attackerAddress;

    @Option(names = "--attacker-options", split = ",", paramLabel = "OPTION", converter = Args.OptionArg.class,
            description = "Custom case: reuseaddr, reuseport, exclusiveaddruse, v6only or none.")
    List<SocketOption> attackerOptions = new ArrayList<>();

    @Option(names = "--attacker-user", paramLabel = "USER", converter = Args.UserArg.class,
            description = "Custom case: the attacker's user (root only for another user).")
    Integer attackerUid;

    @Option(names = "--target", description = "Where the client sends (loopback); default: the address both claim.")
    String target;

    @Option(names = "--count", defaultValue = "" + Limits.DEFAULT_ATTEMPTS, converter = Args.CountArg.class,
            description = "Connections or datagrams (1.." + Limits.MAX_ATTEMPTS + ", default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--port", defaultValue = "0", converter = Args.PortOrZeroArg.class, description = "Port; default a free one the kernel picks. A chosen port needs --yes.")
    int port;

    @Option(names = "--netns", description = "Run inside a network namespace created for the replay (root).")
    boolean netns;

    @Option(names = "--yes", description = "Confirm binding a port you chose (it may be a live service's).")
    boolean yes;

    @Option(names = "--remediated", description = "With --preset: apply the rule's remediation to the victim and "
            + "show the same attack failing while the service is still reached where it was.")
    boolean remediated;

    @Mixin
    ExperimentRun run;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (listPresets) {
            ReplayPreset.ALL.forEach(p -> spec.commandLine().getOut().println(p.name() + " (" + p.os().wireName() + "): "
                    + p.description()));
            spec.commandLine().getOut().flush();
            return SocketInspectorCommand.EXIT_OK;
        }
        if (port != 0 && !yes) {
            spec.commandLine().getErr().println("socket-inspector: port " + port + " may belong to a live service: the"
                    + " victim and attacker sockets would bind it; add --yes to do it");
            return SocketInspectorCommand.EXIT_USAGE;
        }
        if (remediated) {
            return remediated();
        }
        ReplayRequest request = request();
        ReplayResult result = run.runAndStore(Limits.DEFAULT_DURATION, cancel -> new LabReplay(platform.sockets(), run.helpers(platform.processes())).run(request, cancel),
                ExperimentText::replay, spec);
        return result.stopped() == null ? SocketInspectorCommand.EXIT_OK : SocketInspectorCommand.EXIT_FAILURE;
    }

    private Integer remediated() throws Exception {
        if (preset == null || port != 0 || netns || target != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--remediated: needs --preset, and runs where the preset's fix is defined (a free loopback port,"
                            + " or the preset's own network namespace): no --port, --netns or --target");
        }
        ReplayPreset p = ReplayPreset.named(preset).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "--preset: unknown preset '" + preset + "' (one of " + ReplayPreset.names() + ")"));
        if (p.remedy() == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--remediated: the preset '" + preset
                    + "' is a control: it demonstrates no rule, so there is no fix to apply");
        }
        RemedyResult result = run.runAndStore(Limits.DEFAULT_DURATION, cancel -> new RemediatedReplay(
                platform.sockets(), run.helpers(platform.processes())).run(p, count, cancel), ExperimentText::remedy, spec);
        return result.fixed() ? SocketInspectorCommand.EXIT_OK : SocketInspectorCommand.EXIT_FAILURE;
    }

    /** The options that describe a custom case's sockets: a preset fixes both, so they cannot go with it. */
    private static final List<String> CUSTOM_ONLY = List.of("--proto", "--victim-address", "--victim-options",
            "--victim-user", "--attacker-address", "--attacker-options", "--attacker-user");

    private ReplayRequest request() {
        if (preset != null) {
            List<String> custom = CUSTOM_ONLY.stream()
                    .filter(name -> spec.commandLine().getParseResult().hasMatchedOption(name)).toList();
            if (!custom.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--preset " + preset + " fixes both"
                        + " sockets; " + String.join(", ", custom) + (custom.size() == 1 ? " describes" : " describe")
                        + " a custom case: give either --preset or the custom options");
            }
            ReplayPreset p = ReplayPreset.named(preset).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "--preset: unknown preset '" + preset + "' (one of " + ReplayPreset.names() + ")"));
            ReplayRequest r = ReplayRequest.of(p, count, port, netns, platform.processes().effectiveUid());
            return target == null ? r : r.withTarget(target);
        }
        SocketSpec victim = new SocketSpec(victimAddress, Args.optionSet(victimOptions),
                victimUid == null ? Users.SELF : victimUid, true);
        SocketSpec attacker = new SocketSpec(attackerAddress, Args.optionSet(attackerOptions),
                attackerUid == null ? Users.SELF : attackerUid, true);
        return new ReplayRequest("custom", OsFamily.of(platform.os()), protocol, victim, attacker, target, count, port, netns);
    }
}
