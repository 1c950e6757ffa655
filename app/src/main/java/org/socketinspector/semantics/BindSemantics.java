package org.socketinspector.semantics;

/**
 * The bind-semantics model of one OS family: pure, no I/O. The findings, the experiments' predictions,
 * the what-if command and the classroom view all ask this one model.
 */
public interface BindSemantics {

    OsFamily os();

    BindAnswer answer(BindQuestion question);

    /**
     * The address whose traffic the answer is about, where an experiment's client sends: the second socket's
     * specific address if the first covers it, else the first's if the second covers it, else a loopback address
     * both cover, else one the first covers (bench/bind_matrix.py picks the same). Every model of this package
     * answers it for its own IPV6_V6ONLY default; another implementation (a test's stand-in) gets that answer.
     */
    default String target(BindQuestion question) {
        return forOs(question.os()).target(question);
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
