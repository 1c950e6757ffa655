package org.socketinspector.experiment;

import java.time.Duration;
import java.time.Instant;

/**
 * Lets the GUI, a Ctrl-C hook or a deadline stop an experiment at any moment. Experiments call {@link #check()}
 * between steps; every step is itself bounded by a short timeout, so a cancel takes effect within one step.
 */
public final class CancelToken {

    private volatile String reason;
    private volatile Instant deadline = Instant.MAX;

    public void cancel(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    public boolean isCancelled() {
        return reason != null || Instant.now().isAfter(deadline);
    }

    /** Also cancels once {@code limit} has passed from now. */
    public CancelToken withDeadline(Duration limit) {
        deadline = Instant.now().plus(limit);
        return this;
    }

    public void check() throws CancelledException {
        String why = stopReason();
        if (why != null) {
            throw new CancelledException(why);
        }
    }

    /** Whether the deadline has passed (a cancel aside). */
    public boolean pastDeadline() {
        return Instant.now().isAfter(deadline);
    }

    /** Why the run must stop now ("cancelled: Ctrl-C", "stopped: ... time limit"); null while it may go on. */
    public String stopReason() {
        if (reason != null) {
            return "cancelled: " + reason;
        }
        if (Instant.now().isAfter(deadline)) {
            return "stopped: the experiment reached its time limit";
        }
        return null;
    }

    /** Thrown between steps once the token is cancelled. */
    public static final class CancelledException extends ExperimentException {
        public CancelledException(String message) {
            super(message);
        }
    }
}
