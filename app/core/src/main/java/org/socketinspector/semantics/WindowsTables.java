package org.socketinspector.semantics;

import java.util.List;

/**
 * Microsoft's three documented outcome tables for a second bind to the same port (reference section 1.2),
 * verbatim. Rows: the first socket; columns: the second socket; both in the order {@link #KINDS}.
 * Source: MS Learn, "Using SO_REUSEADDR and SO_EXCLUSIVEADDRUSE".
 */
public final class WindowsTables {

    /** The result of one cell; NOTE_1 is OK with the table's footnote 1 (wildcard and specific coexist). */
    public enum Cell {
        OK, NOTE_1, INUSE, ACCESS;

        public String error() {
            return switch (this) {
                case INUSE -> "WSAEADDRINUSE";
                case ACCESS -> "WSAEACCES";
                default -> null;
            };
        }
    }

    /** The option a socket of a table row or column sets. */
    public enum Mode {
        DEFAULT, REUSEADDR, EXCLUSIVE
    }

    /** A row or column of the tables: an option and a wildcard (W) or specific (S) address. */
    public record Kind(Mode mode, boolean wildcard) {
        public String label() {
            return switch (mode) {
                case DEFAULT -> "Default";
                case REUSEADDR -> "REUSEADDR";
                case EXCLUSIVE -> "EXCLUSIVE";
            } + (wildcard ? " W" : " S");
        }
    }

    public static final List<Kind> KINDS = List.of(
            new Kind(Mode.DEFAULT, true), new Kind(Mode.DEFAULT, false),
            new Kind(Mode.REUSEADDR, true), new Kind(Mode.REUSEADDR, false),
            new Kind(Mode.EXCLUSIVE, true), new Kind(Mode.EXCLUSIVE, false));

    private static final Cell O = Cell.OK;
    private static final Cell N = Cell.NOTE_1;
    private static final Cell U = Cell.INUSE;
    private static final Cell A = Cell.ACCESS;

    /** (a) Windows XP and earlier, any user. */
    public static final Cell[][] XP = {
            {U, U, O, O, U, U},
            {U, U, O, O, U, U},
            {U, U, O, O, U, U},
            {U, U, O, O, U, U},
            {U, U, A, A, U, U},
            {U, U, A, A, U, U},
    };

    /** (b) Server 2003 and later, both binds by the same user. */
    public static final Cell[][] SAME_USER = {
            {U, N, A, O, U, N},
            {N, U, N, A, U, U},
            {U, N, O, O, U, N},
            {N, U, N, O, U, U},
            {U, A, A, A, U, A},
            {N, U, N, A, U, U},
    };

    /** (c) Server 2003 and later, binds by different users. */
    public static final Cell[][] OTHER_USER = {
            {U, A, A, A, U, A},
            {N, U, N, A, U, U},
            {U, A, O, O, U, A},
            {N, U, N, O, U, U},
            {U, A, A, A, U, A},
            {N, U, N, A, U, U},
    };

    private WindowsTables() {
    }

    static int index(Mode mode, boolean wildcard) {
        return KINDS.indexOf(new Kind(mode, wildcard));
    }
}
