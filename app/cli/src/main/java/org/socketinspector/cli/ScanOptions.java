package org.socketinspector.cli;

import java.util.Locale;
import org.socketinspector.collect.Platform;
import org.socketinspector.collect.ScanRequest;
import org.socketinspector.collect.Source;
import org.socketinspector.inspect.Inspector;
import org.socketinspector.inspect.Target;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** What to scan: the options {@code scan}, {@code audit} and {@code report} share (picocli {@code @Mixin}). */
public final class ScanOptions {

    private final Platform platform;

    ScanOptions(Platform platform) {
        this.platform = platform;
    }

    @Option(names = "--all", description = "Also list every TCP connection, not only listeners and bound UDP sockets.")
    boolean all;

    @Option(names = "--source", paramLabel = "native|ss|netstat|auto", defaultValue = "auto",
            converter = SourceConverter.class,
            description = "Where to read the sockets: native (kernel calls), ss or netstat output; auto = native "
                    + "(default: ${DEFAULT-VALUE}).")
    Source source = Source.AUTO;

    @Option(names = "--probe", description = "Windows: learn SO_EXCLUSIVEADDRUSE of TCP listeners by the safe bind "
            + "probe (a momentary SO_REUSEADDR bind of each listener's address, never listened on; docs/windows.md).")
    boolean probe;

    @Option(names = "--probe-udp", description = "Windows: also probe bound UDP sockets (a bound probe may receive a "
            + "datagram meant for the service; never use it on DNS/DHCP servers in production).")
    boolean probeUdp;

    public ScanRequest request() {
        return new ScanRequest(all, probe, probeUdp);
    }

    public Source source() {
        return source;
    }

    /** This machine, as these options ask to scan it. */
    public Target.ThisMachine target() {
        return new Target.ThisMachine(source, request());
    }

    /** The inspection service on this run's platform. */
    public Inspector inspector() {
        return new Inspector(platform);
    }

    static final class SourceConverter implements ITypeConverter<Source> {
        @Override
        public Source convert(String value) {
            try {
                return Source.fromText(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected native, ss, netstat or auto but was '" + value + "'");
            }
        }
    }

    @Override
    public String toString() {
        return "--source " + source.name().toLowerCase(Locale.ROOT) + (all ? " --all" : "") + (probe ? " --probe" : "")
                + (probeUdp ? " --probe-udp" : "");
    }
}
