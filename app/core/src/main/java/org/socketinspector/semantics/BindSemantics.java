package org.socketinspector.semantics;

/**
 * The bind-semantics model of one OS family: pure, no I/O. The findings, the experiments' predictions,
 * the what-if command and the classroom view all ask this one model.
 */
public interface BindSemantics {

    OsFamily os();

    BindAnswer answer(BindQuestion question);

    /**
     * IPV6_V6ONLY of an IPv6 socket that sets neither option on this OS: on for Windows and FreeBSD, off for Linux
     * and macOS. Every model of this package says its own; another implementation (a test's stand-in) gets the
     * answer of its OS's model.
     */
    default boolean v6OnlyByDefault() {
        return forOs(os()).v6OnlyByDefault();
    }

    /** Whether traffic sent to {@code target} can reach a socket bound as {@code endpoint}. */
    default boolean covers(BindEndpoint endpoint, String target) {
        return BoundAddress.of(endpoint, v6OnlyByDefault()).covers(target);
    }

    /** Whether two sockets claim a common address (the same one, or one a wildcard covers). */
    default boolean overlaps(BindEndpoint first, BindEndpoint second) {
        return BoundAddress.of(first, v6OnlyByDefault()).overlaps(BoundAddress.of(second, v6OnlyByDefault()));
    }

    /**
     * The address whose traffic the answer is about, where an experiment's client sends: the second socket's
     * specific address if the first covers it, else the first's if the second covers it, else a loopback address
     * both cover, else one the first covers (bench/bind_matrix.py picks the same). A mapped address counts as the
     * IPv4 address it maps. For a first socket in TIME_WAIT that is where its connections were; for a connected UDP
     * socket it is its own local address after connect() (its peer sends there).
     */
    default String target(BindQuestion question) {
        if (question.first().state() == BindState.CONNECTED) {
            return BoundAddress.held(question, v6OnlyByDefault()).address();
        }
        return BoundAddress.target(BoundAddress.of(question.first(), v6OnlyByDefault()),
                BoundAddress.of(question.second(), v6OnlyByDefault()));
    }

    /**
     * What the answer means for traffic sent to {@code target}: its outcome, except where only one of the two sockets
     * covers the target (a family shadow: a client aiming at ::1 next to a 127.0.0.1 service), which then gets it
     * all: the second alone steals it, the first alone keeps it (separate).
     */
    default Outcome outcomeAt(BindQuestion question, BindAnswer answer, String target) {
        if (answer.outcome() == Outcome.REFUSED) {
            return Outcome.REFUSED;
        }
        boolean firstCovers = covers(question.first(), target);
        boolean secondCovers = covers(question.second(), target);
        if (!firstCovers && secondCovers) {
            return Outcome.STEALS;
        }
        if (firstCovers && !secondCovers) {
            return Outcome.SEPARATE;
        }
        return answer.outcome();
    }

    /** The model of one OS family. */
    static BindSemantics forOs(OsFamily os) {
        return switch (os) {
            case WINDOWS -> new WindowsSemantics(false);
            case WINDOWS_XP -> new WindowsSemantics(true);
            case LINUX -> new LinuxSemantics();
            case MACOS, FREEBSD -> new BsdSemantics(os);
        };
    }

    /** Answers with the model of the question's OS. */
    static BindAnswer ask(BindQuestion question) {
        return forOs(question.os()).answer(question);
    }
}
