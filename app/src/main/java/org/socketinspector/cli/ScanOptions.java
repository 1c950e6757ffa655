package org.socketinspector.cli;

import java.util.Locale;
import org.socketinspector.collect.CollectionException;
import org.socketinspector.collect.Platform;
import org.socketinspector.collect.ScanRequest;
import org.socketinspector.collect.Source;
import org.socketinspector.model.Scan;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** What to scan: the options {@code scan}, {@code audit} and the GUI share (picocli {@code @Mixin}). */
public final class ScanOptions {

    @Option(names = "--all", description = "Also list every TCP connection, not only listeners and bound UDP sockets.")
    boolean all;

    @Option(names = "--source", paramLabel = "native|ss|netstat|auto", defaultValue = "auto",
            converter = SourceConverter.class,
            description = "Where to read the sockets: native (kernel calls), ss or netstat output; auto = native "
                    + "(default: ${DEFAULT-VALUE}).")
    Source source = Source.AUTO;

    public ScanRequest request() {
        return all ? ScanRequest.ALL : ScanRequest.LISTENERS;
    }

    public Source source() {
        return source;
    }

    /** Makes one live scan with the chosen source. */
    public Scan collect() throws CollectionException {
        return Platform.collector(source).collect(request());
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
        return "--source " + source.name().toLowerCase(Locale.ROOT) + (all ? " --all" : "");
    }
}
