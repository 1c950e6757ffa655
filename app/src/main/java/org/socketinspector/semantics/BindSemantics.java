package org.socketinspector.semantics;

/**
 * The bind-semantics model of one OS family: pure, no I/O. The findings, the experiments' predictions,
 * the what-if command and the classroom view all ask this one model.
 */
public interface BindSemantics {

    OsFamily os();

    BindAnswer answer(BindQuestion question);

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
