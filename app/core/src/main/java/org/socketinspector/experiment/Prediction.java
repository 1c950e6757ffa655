package org.socketinspector.experiment;

import java.util.Objects;
import org.socketinspector.lesson.SocketSpec;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.semantics.BindAnswer;
import org.socketinspector.semantics.BindEndpoint;
import org.socketinspector.semantics.BindOption;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.BindState;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.Outcome;

/** Translates between an experiment's sockets and the semantics model's questions, and compares answers. */
public final class Prediction {

    private Prediction() {
    }

    /**
     * The question an encounter of these two sockets asks the model.
     *
     * @param port the port when known (a privileged port changes the answer for non-root users), else null
     */
    public static BindQuestion question(OsFamily os, Protocol protocol, SocketSpec first, SocketSpec second, int selfUid,
                                        Integer port) {
        return new BindQuestion(os, protocol,
                first.endpoint(Users.name(first.uid() < 0 ? selfUid : first.uid()),
                        protocol == Protocol.TCP && first.listen() ? BindState.LISTEN : BindState.BOUND),
                second.endpoint(Users.name(second.uid() < 0 ? selfUid : second.uid()), BindState.BOUND), port);
    }

    /**
     * The port as a question gives it to the model. The model knows ports below 1024 as privileged (the default
     * {@code net.ipv4.ip_unprivileged_port_start}); where the sysctl was set lower (a replay's own namespace) a port
     * at or above it is an unprivileged one there, which a question says with no port.
     *
     * @param port                  the port, 0 when the kernel chooses a free (ephemeral, unprivileged) one
     * @param unprivilegedPortStart the sysctl where the sockets bind (0..1024), null for the default
     */
    public static Integer modelPort(int port, Integer unprivilegedPortStart) {
        if (port == 0 || unprivilegedPortStart != null && port >= unprivilegedPortStart) {
            return null;
        }
        return port;
    }

    /** Whether the two sockets claim a common address, as the model of {@code os} sees them. */
    public static boolean overlap(OsFamily os, SocketSpec a, SocketSpec b) {
        return BindSemantics.forOs(os).overlaps(a.endpoint("", BindState.BOUND), b.endpoint("", BindState.BOUND));
    }

    /** The experiment's socket for one side of a model question (users by name: root, nobody, ...). */
    public static SocketSpec spec(BindEndpoint endpoint, boolean listen) throws ExperimentException {
        return new SocketSpec(endpoint.address(), BindOption.socketOptions(endpoint.options()),
                Users.uid(endpoint.user()), listen);
    }

    /** The model's answer, or null when there is no model for this OS. */
    public static BindAnswer ask(BindSemantics model, BindQuestion question) {
        return model == null ? null : model.answer(question);
    }

    /**
     * As {@link #agrees(BindAnswer, Outcome, String, Boolean)}, for a run on {@code os}. Windows documents a successful
     * co-bind as "which socket receives a connection or datagram is indeterminate", so there any split of the
     * traffic, all of it to one side included, agrees with a predicted share.
     */
    public static Boolean agrees(OsFamily os, BindAnswer predicted, Outcome observed, String error,
                                 Boolean firstCouldStillListen) {
        boolean windows = os == OsFamily.WINDOWS || os == OsFamily.WINDOWS_XP;
        if (windows && predicted != null && predicted.outcome() == Outcome.SHARES && observed != Outcome.REFUSED) {
            observed = Outcome.SHARES;
        }
        return agrees(predicted, observed, error, firstCouldStillListen);
    }

    /**
     * Whether the observation agrees with the prediction: same outcome, same bind error (or none), and the same
     * answer to "could the first socket still listen" (or none). Null when there is no prediction.
     */
    public static Boolean agrees(BindAnswer predicted, Outcome observed, String error, Boolean firstCouldStillListen) {
        if (predicted == null) {
            return null;
        }
        return predicted.outcome() == observed && Objects.equals(predicted.error(), error)
                && Objects.equals(predicted.firstCanStillListen(), firstCouldStillListen);
    }
}
