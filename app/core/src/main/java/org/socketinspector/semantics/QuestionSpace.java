package org.socketinspector.semantics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.socketinspector.model.Protocol;

/**
 * The question spaces the model is checked over, defined once for the tests, the bind-matrix experiment and the
 * what-if batch examples.
 *
 * <p>Linux: TCP (first listening or only bound) and UDP, six address kinds (IPv4 wildcard, 127.0.0.1, 127.0.0.2,
 * :: IPv6-only, :: dual-stack, ::1) for each socket, option sets none / SO_REUSEADDR / SO_REUSEPORT / both, and the
 * user pairs root/root, root/nobody, nobody/root, nobody/nobody (nobody = uid 65534). The order is the order of
 * bench/bind_matrix.py, whose output docs/measurements/linux-bind-matrix.jsonl holds one measured row per cell.
 *
 * <p>Windows: every cell of Microsoft's three tables (see {@link WindowsTables}), W = 0.0.0.0, S = 127.0.0.1; and
 * the space a live matrix measures there ({@link #windowsLive}).
 */
public final class QuestionSpace {

    /** The Linux address kinds as (address, options) pairs; bench/bind_matrix.py names them the same way. */
    public static final List<BindEndpoint> LINUX_ADDRESSES = List.of(
            endpoint("0.0.0.0"), endpoint("127.0.0.1"), endpoint("127.0.0.2"),
            endpoint("::", BindOption.V6ONLY), endpoint("::", BindOption.DUALSTACK), endpoint("::1"));

    public static final List<Set<BindOption>> LINUX_OPTION_SETS = List.of(
            Set.of(), Set.of(BindOption.REUSEADDR), Set.of(BindOption.REUSEPORT),
            Set.of(BindOption.REUSEADDR, BindOption.REUSEPORT));

    /** Unix user names of the Linux space; an experiment maps root to uid 0 and nobody to uid 65534. */
    public static final List<List<String>> LINUX_USERS = List.of(
            List.of("root", "root"), List.of("root", "nobody"), List.of("nobody", "root"), List.of("nobody", "nobody"));

    /** The IPv4-mapped address kinds on dual-stack sockets: a specific one and the mapped wildcard. */
    public static final List<BindEndpoint> LINUX_MAPPED = List.of(
            endpoint("::ffff:127.0.0.1", BindOption.DUALSTACK), endpoint("::ffff:0.0.0.0", BindOption.DUALSTACK));

    /** IPv4-mapped addresses on IPv6-only sockets: their bind fails with EINVAL. */
    public static final List<BindEndpoint> LINUX_MAPPED_V6ONLY = List.of(
            endpoint("::ffff:127.0.0.1", BindOption.V6ONLY), endpoint("::ffff:0.0.0.0", BindOption.V6ONLY));

    /** The first sockets of the time-wait and connected parts: the six kinds and a mapped 127.0.0.1. */
    public static final List<BindEndpoint> LINUX_HELD_ADDRESSES = concat(LINUX_ADDRESSES, LINUX_MAPPED.subList(0, 1));

    private QuestionSpace() {
    }

    /**
     * The extension of the Linux space (docs/measurements/linux-bind-matrix-v2.jsonl), 10,848 cells in four parts:
     * <ol>
     *   <li>mapped: every pair of {@link #LINUX_ADDRESSES} + {@link #LINUX_MAPPED} with at least one mapped address,
     *       all option sets and user pairs, TCP listening / TCP bound / UDP (5,376);</li>
     *   <li>mapped on IPv6-only sockets as the second socket (EINVAL), root/root (768);</li>
     *   <li>time-wait: TCP, the first socket is only TIME_WAIT connections, {@link #LINUX_HELD_ADDRESSES} for both,
     *       all option sets and user pairs (3,136);</li>
     *   <li>connected UDP: the first socket is connected to the client, {@link #LINUX_HELD_ADDRESSES} for both, all
     *       option sets, users root/root and root/nobody (1,568).</li>
     * </ol>
     */
    public static List<BindQuestion> linuxExtension() {
        List<BindQuestion> cells = new ArrayList<>();
        List<BindEndpoint> withMapped = concat(LINUX_ADDRESSES, LINUX_MAPPED);
        for (Protocol protocol : Protocol.values()) {
            List<BindState> states = protocol == Protocol.TCP ? List.of(BindState.LISTEN, BindState.BOUND)
                    : List.of(BindState.BOUND);
            for (BindEndpoint first : withMapped) {
                for (BindEndpoint second : withMapped) {
                    if (LINUX_MAPPED.contains(first) || LINUX_MAPPED.contains(second)) {
                        add(cells, protocol, first, second, LINUX_USERS, states);
                    }
                }
            }
            for (BindEndpoint first : withMapped) {
                for (BindEndpoint second : LINUX_MAPPED_V6ONLY) {
                    add(cells, protocol, first, second, LINUX_USERS.subList(0, 1), states);
                }
            }
        }
        for (BindEndpoint first : LINUX_HELD_ADDRESSES) {
            for (BindEndpoint second : LINUX_HELD_ADDRESSES) {
                add(cells, Protocol.TCP, first, second, LINUX_USERS, List.of(BindState.TIME_WAIT));
            }
        }
        for (BindEndpoint first : LINUX_HELD_ADDRESSES) {
            for (BindEndpoint second : LINUX_HELD_ADDRESSES) {
                add(cells, Protocol.UDP, first, second, LINUX_USERS.subList(0, 2), List.of(BindState.CONNECTED));
            }
        }
        return cells;
    }

    /** Every Linux cell the live matrix measures: {@link #linux()} then {@link #linuxExtension()}. */
    public static List<BindQuestion> linuxAll() {
        List<BindQuestion> all = new ArrayList<>(linux());
        all.addAll(linuxExtension());
        return all;
    }

    private static void add(List<BindQuestion> cells, Protocol protocol, BindEndpoint first, BindEndpoint second,
                            List<List<String>> userPairs, List<BindState> states) {
        for (Set<BindOption> firstOptions : LINUX_OPTION_SETS) {
            for (Set<BindOption> secondOptions : LINUX_OPTION_SETS) {
                for (List<String> users : userPairs) {
                    for (BindState state : states) {
                        cells.add(new BindQuestion(OsFamily.LINUX, protocol,
                                with(first, firstOptions, users.get(0), state),
                                with(second, secondOptions, users.get(1), BindState.BOUND)));
                    }
                }
            }
        }
    }

    private static List<BindEndpoint> concat(List<BindEndpoint> a, List<BindEndpoint> b) {
        List<BindEndpoint> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** All 6912 Linux cells (4608 TCP, 2304 UDP), in the measurement script's order. */
    public static List<BindQuestion> linux() {
        return space(OsFamily.LINUX, LINUX_ADDRESSES, LINUX_OPTION_SETS, LINUX_USERS);
    }

    /**
     * Every combination, in this order: protocol, first address, second address, first options, second options,
     * user pair, first socket's state (TCP: listening or only bound; UDP: bound).
     */
    private static List<BindQuestion> space(OsFamily os, List<BindEndpoint> addresses, List<Set<BindOption>> optionSets,
                                            List<List<String>> userPairs) {
        List<BindQuestion> cells = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            List<BindState> states = protocol == Protocol.TCP ? List.of(BindState.LISTEN, BindState.BOUND)
                    : List.of(BindState.BOUND);
            for (BindEndpoint first : addresses) {
                for (BindEndpoint second : addresses) {
                    for (Set<BindOption> firstOptions : optionSets) {
                        for (Set<BindOption> secondOptions : optionSets) {
                            for (List<String> users : userPairs) {
                                for (BindState state : states) {
                                    cells.add(new BindQuestion(os, protocol,
                                            with(first, firstOptions, users.get(0), state),
                                            with(second, secondOptions, users.get(1), BindState.BOUND)));
                                }
                            }
                        }
                    }
                }
            }
        }
        return cells;
    }

    /** The address kinds of the live Windows matrix: IPv4 wildcard and loopback, :: IPv6-only and dual-stack, ::1. */
    public static final List<BindEndpoint> WINDOWS_ADDRESSES = List.of(
            endpoint("0.0.0.0"), endpoint("127.0.0.1"), endpoint("::", BindOption.V6ONLY),
            endpoint("::", BindOption.DUALSTACK), endpoint("::1"));

    /** Windows has no SO_REUSEPORT; setting both of its options on one socket is refused by setsockopt. */
    public static final List<Set<BindOption>> WINDOWS_OPTION_SETS = List.of(
            Set.of(), Set.of(BindOption.REUSEADDR), Set.of(BindOption.EXCLUSIVEADDRUSE));

    /**
     * The cells a live bind matrix measures on Windows: TCP (first socket listening or only bound) and UDP, the
     * {@link #WINDOWS_ADDRESSES} and {@link #WINDOWS_OPTION_SETS} for each socket, both sockets of {@code user}
     * (a helper cannot act as another account there): 675 cells (450 TCP, 225 UDP).
     */
    public static List<BindQuestion> windowsLive(String user) {
        return space(OsFamily.WINDOWS, WINDOWS_ADDRESSES, WINDOWS_OPTION_SETS, List.of(List.of(user, user)));
    }

    /** One documented Windows table cell as a question, with the cell's documented result. */
    public record WindowsCell(String table, BindQuestion question, WindowsTables.Cell documented) {
    }

    /** The 108 documented cells (3 tables of 6 x 6), TCP, first socket listening. */
    public static List<WindowsCell> windowsTables() {
        List<WindowsCell> cells = new ArrayList<>();
        addTable(cells, "a", OsFamily.WINDOWS_XP, WindowsTables.XP, "alice", "alice");
        addTable(cells, "b", OsFamily.WINDOWS, WindowsTables.SAME_USER, "alice", "alice");
        addTable(cells, "c", OsFamily.WINDOWS, WindowsTables.OTHER_USER, "alice", "bob");
        return cells;
    }

    private static void addTable(List<WindowsCell> cells, String name, OsFamily os, WindowsTables.Cell[][] table,
                                 String firstUser, String secondUser) {
        for (int row = 0; row < WindowsTables.KINDS.size(); row++) {
            for (int col = 0; col < WindowsTables.KINDS.size(); col++) {
                BindQuestion q = new BindQuestion(os, Protocol.TCP,
                        windowsEndpoint(WindowsTables.KINDS.get(row), firstUser, BindState.LISTEN),
                        windowsEndpoint(WindowsTables.KINDS.get(col), secondUser, BindState.BOUND));
                cells.add(new WindowsCell(name, q, table[row][col]));
            }
        }
    }

    private static BindEndpoint windowsEndpoint(WindowsTables.Kind kind, String user, BindState state) {
        Set<BindOption> options = switch (kind.mode()) {
            case DEFAULT -> Set.of();
            case REUSEADDR -> Set.of(BindOption.REUSEADDR);
            case EXCLUSIVE -> Set.of(BindOption.EXCLUSIVEADDRUSE);
        };
        return new BindEndpoint(kind.wildcard() ? "0.0.0.0" : "127.0.0.1", options, user, state);
    }

    private static BindEndpoint endpoint(String address, BindOption... options) {
        return new BindEndpoint(address, Set.of(options), "", BindState.BOUND);
    }

    private static BindEndpoint with(BindEndpoint kind, Set<BindOption> options, String user, BindState state) {
        Set<BindOption> all = new HashSet<>(kind.options());
        all.addAll(options);
        return new BindEndpoint(kind.address(), all, user, state);
    }
}
