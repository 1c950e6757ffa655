package org.socketinspector.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The socket options Socket Inspector reads, sets and reasons about: the one vocabulary of the scan model, the native
 * sockets, the experiments, the CLI, the GUI and JSON. Each has a wire name (CLI values, helper protocol, experiment
 * JSON) and the OS constant's name (prose and the probe's {@code options} field).
 */
public enum SocketOption {
    /** SO_REUSEADDR. */
    REUSEADDR("SO_REUSEADDR", SocketOptions::reuseAddress),
    /** SO_REUSEPORT (Linux, BSD). */
    REUSEPORT("SO_REUSEPORT", SocketOptions::reusePort),
    /** SO_EXCLUSIVEADDRUSE (Windows). */
    EXCLUSIVEADDRUSE("SO_EXCLUSIVEADDRUSE", SocketOptions::exclusiveAddressUse),
    /** IPV6_V6ONLY (IPv6 sockets). */
    V6ONLY("IPV6_V6ONLY", SocketOptions::ipv6Only);

    private final String constantName;
    private final Function<SocketOptions, Boolean> field;

    SocketOption(String constantName, Function<SocketOptions, Boolean> field) {
        this.constantName = constantName;
        this.field = field;
    }

    /** reuseaddr, reuseport, exclusiveaddruse, v6only. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** SO_REUSEADDR, SO_REUSEPORT, SO_EXCLUSIVEADDRUSE, IPV6_V6ONLY. */
    public String constantName() {
        return constantName;
    }

    /** This option's value in a scanned socket's options: true, false, or null when unknown. */
    public Boolean valueIn(SocketOptions options) {
        return field.apply(options);
    }

    /** "reuseaddr, reuseport, exclusiveaddruse or v6only": what a parse error lists. */
    public static String expected() {
        String[] names = Arrays.stream(values()).map(SocketOption::wireName).toArray(String[]::new);
        return String.join(", ", Arrays.copyOf(names, names.length - 1)) + " or " + names[names.length - 1];
    }

    /** Reads a wire name (case and spaces ignored). */
    public static SocketOption fromWireName(String text) {
        String t = text == null ? "" : text.trim();
        for (SocketOption o : values()) {
            if (o.wireName().equalsIgnoreCase(t)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown option '" + text + "' (expected " + expected() + ")");
    }

    /** Reads an OS constant name, e.g. SO_REUSEADDR. */
    public static SocketOption fromConstantName(String text) {
        String t = text == null ? "" : text.trim();
        for (SocketOption o : values()) {
            if (o.constantName.equalsIgnoreCase(t)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown option constant '" + text + "'");
    }

    /** "SO_REUSEADDR,IPV6_V6ONLY" in this enum's order; "none" for an empty set. */
    public static String constantNames(Collection<SocketOption> options) {
        return constantNames(options, ",");
    }

    /** The constant names in this enum's order with this separator (", " in prose); "none" for an empty set. */
    public static String constantNames(Collection<SocketOption> options, String separator) {
        return options.isEmpty() ? "none" : EnumSet.copyOf(options).stream().map(SocketOption::constantName)
                .collect(Collectors.joining(separator));
    }

    /** The inverse of {@link #constantNames}; also reads the '+' that older experiment records used. */
    public static Set<SocketOption> parseConstantNames(String text) {
        Set<SocketOption> set = EnumSet.noneOf(SocketOption.class);
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("none")) {
            return set;
        }
        for (String name : text.split("[,+]")) {
            if (!name.isBlank()) {
                set.add(name.trim().equalsIgnoreCase("SO_V6ONLY") ? V6ONLY : fromConstantName(name));
            }
        }
        return set;
    }
}
