package org.socketinspector.cli;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.socketinspector.experiment.BindMatrix;
import org.socketinspector.experiment.ExperimentException;
import org.socketinspector.experiment.Limits;
import org.socketinspector.experiment.Users;
import org.socketinspector.history.RunType;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.semantics.BindState;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.store.Page;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The typed arguments of the command line: one picocli converter per kind of value. A bad value never reaches a
 * command: picocli reports it as a usage error (exit 2) with the option's name and these words, e.g.
 * "Invalid value for option '--proto': expected tcp or udp but was 'foo'".
 */
final class Args {

    private Args() {
    }

    private static TypeConversionException expected(String what, String value) {
        return new TypeConversionException("expected " + what + " but was '" + value + "'");
    }

    static final class ProtocolArg implements ITypeConverter<Protocol> {
        @Override
        public Protocol convert(String value) {
            for (Protocol p : Protocol.values()) {
                if (p.wireName().equalsIgnoreCase(value.trim())) {
                    return p;
                }
            }
            throw expected("tcp or udp", value);
        }
    }

    static final class OsArg implements ITypeConverter<OsFamily> {
        @Override
        public OsFamily convert(String value) {
            try {
                return OsFamily.fromWireName(value);
            } catch (IllegalArgumentException e) {
                throw expected(Arrays.stream(OsFamily.values()).map(OsFamily::wireName)
                        .collect(Collectors.joining(", ")), value);
            }
        }
    }

    static final class BindStateArg implements ITypeConverter<BindState> {
        @Override
        public BindState convert(String value) {
            try {
                return BindState.fromWireName(value);
            } catch (IllegalArgumentException e) {
                throw expected("listen, bound, time-wait or connected", value);
            }
        }
    }

    /** One socket option by its wire name; "none" stands for no option (null, dropped by {@link #optionSet}). */
    static final class OptionArg implements ITypeConverter<SocketOption> {
        @Override
        public SocketOption convert(String value) {
            if (value.isBlank() || value.trim().equalsIgnoreCase("none")) {
                return null;
            }
            try {
                return SocketOption.fromWireName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown option '" + value + "' (expected "
                        + SocketOption.expected().replace(" or ", ", ") + " or none)");
            }
        }
    }

    /** The options of a split option list, "none" left out. */
    static Set<SocketOption> optionSet(List<SocketOption> options) {
        Set<SocketOption> set = EnumSet.noneOf(SocketOption.class);
        if (options != null) {
            options.stream().filter(Objects::nonNull).forEach(set::add);
        }
        return set;
    }

    /** A user by name or uid, as its uid ({@link Users#SELF} for the user running the command). */
    static final class UserArg implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return Users.uid(value.trim());
            } catch (ExperimentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Who a probe runs as: the listener's owner (from a live scan), or a user's uid. */
    record ProbeUser(boolean owner, int uid) {
    }

    static final class ProbeUserArg implements ITypeConverter<ProbeUser> {
        @Override
        public ProbeUser convert(String value) {
            return value.trim().equalsIgnoreCase("owner") ? new ProbeUser(true, Users.SELF)
                    : new ProbeUser(false, new UserArg().convert(value));
        }
    }

    /** A user's name as the model names users; it must be an account of this machine. */
    static final class UserNameArg implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            new UserArg().convert(value);
            return value.trim();
        }
    }

    static final class RunTypeArg implements ITypeConverter<RunType> {
        @Override
        public RunType convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "experiment", "experiments", "e" -> RunType.EXPERIMENT;
                case "snapshot", "snapshots", "s" -> RunType.SNAPSHOT;
                default -> throw expected("experiment or snapshot", value);
            };
        }
    }

    /** A kind of stored run, as 'history list --kind' filters them. */
    static final class KindArg implements ITypeConverter<String> {
        static final List<String> KINDS = List.of("probe", "replay", "matrix", RunType.SNAPSHOT_KIND);

        @Override
        public String convert(String value) {
            String kind = value.trim().toLowerCase(Locale.ROOT);
            if (!KINDS.contains(kind)) {
                throw expected(String.join(", ", KINDS.subList(0, KINDS.size() - 1)) + " or "
                        + KINDS.get(KINDS.size() - 1), value);
            }
            return kind;
        }
    }

    /** A whole number in a range; each subclass names what it counts. */
    abstract static class IntArg implements ITypeConverter<Integer> {
        private final String what;
        private final int min;
        private final int max;

        IntArg(String what, int min, int max) {
            this.what = what;
            this.min = min;
            this.max = max;
        }

        @Override
        public Integer convert(String value) {
            String t = value.trim();
            int n;
            try {
                n = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw expected(range(), value);
            }
            if (n < min || n > max) {
                throw expected(range(), value);
            }
            return n;
        }

        private String range() {
            return max == Integer.MAX_VALUE ? what + ", a whole number from " + min : what + ", a whole number from "
                    + min + " to " + max;
        }
    }

    /** A live port: 1 to 65535. */
    static final class PortArg extends IntArg {
        PortArg() {
            super("a port", 1, 65535);
        }
    }

    /** A port, or 0 for a free one the kernel picks. */
    static final class PortOrZeroArg extends IntArg {
        PortOrZeroArg() {
            super("a port (0: a free one)", 0, 65535);
        }
    }

    static final class CountArg extends IntArg {
        CountArg() {
            super("a count", 1, Limits.MAX_ATTEMPTS);
        }
    }

    static final class ParallelArg extends IntArg {
        ParallelArg() {
            super("cells at once", 1, BindMatrix.MAX_PARALLELISM);
        }
    }

    static final class IdleSecondsArg extends IntArg {
        IdleSecondsArg() {
            super("seconds", 1, IdleTimeoutOption.MAX_SECONDS);
        }
    }

    static final class SecondsArg extends IntArg {
        SecondsArg() {
            super("seconds", 1, (int) Limits.MAX_DURATION.toSeconds());
        }
    }

    static final class LimitArg extends IntArg {
        LimitArg() {
            super("rows per page", 1, Page.MAX_LIMIT);
        }
    }

    static final class OffsetArg extends IntArg {
        OffsetArg() {
            super("rows to skip", 0, Integer.MAX_VALUE);
        }
    }

    static final class PageArg extends IntArg {
        PageArg() {
            super("a page number", 1, Integer.MAX_VALUE);
        }
    }
}
