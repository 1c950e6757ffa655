package org.socketinspector.experiment;

import java.time.Duration;

/** Bounds on every experiment: defaults, and hard maximums a request cannot exceed. */
public final class Limits {

    public static final int DEFAULT_ATTEMPTS = 20;
    public static final int MAX_ATTEMPTS = 1000;
    /** Default time limit of a probe or a replay. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);
    /** Default time limit of a whole bind matrix (about 25 s on 2 busy cores with 4 parallel cells). */
    public static final Duration DEFAULT_MATRIX_DURATION = Duration.ofMinutes(5);
    public static final Duration MAX_DURATION = Duration.ofMinutes(10);
    /** How long one connection or datagram may take to reach a side before it counts as lost. */
    public static final int DELIVERY_WAIT_MILLIS = 500;

    private Limits() {
    }

    public static int attempts(int requested) throws ExperimentException {
        if (requested < 1 || requested > MAX_ATTEMPTS) {
            throw new ExperimentException("count " + requested + " is outside 1.." + MAX_ATTEMPTS);
        }
        return requested;
    }

    public static Duration duration(Duration requested) throws ExperimentException {
        if (requested.isNegative() || requested.isZero() || requested.compareTo(MAX_DURATION) > 0) {
            throw new ExperimentException("duration " + requested.toSeconds() + " s is outside 1.." + MAX_DURATION.toSeconds() + " s");
        }
        return requested;
    }
}
