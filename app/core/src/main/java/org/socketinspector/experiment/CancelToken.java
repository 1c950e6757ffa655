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
        if (reason != null) {
            throw new CancelledException("cancelled: " + reason);
        }
        if (Instant.now().isAfter(deadline)) {
            throw new CancelledException("stopped: the experiment reached its time limit");
        }
    }

    /** Thrown between steps once the token is cancelled. */
    public static final class CancelledException extends ExperimentException {
        public CancelledException(String message) {
            super(message);
        }
    }
}
