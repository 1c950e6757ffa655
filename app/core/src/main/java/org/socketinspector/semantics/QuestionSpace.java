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

    private QuestionSpace() {
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
