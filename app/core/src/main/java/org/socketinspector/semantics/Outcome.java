package org.socketinspector.semantics;

import java.util.Locale;

/** What a second bind achieves against the first socket's traffic. */
public enum Outcome {
    /** The second bind fails. */
    REFUSED,
    /** It succeeds but receives none of the traffic meant for the first socket's address. */
    SEPARATE,
    /** Both receive part of it (load-balanced or indeterminate). */
    SHARES,
    /** The second receives all of it. */
    STEALS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the second socket gets any of the first one's traffic. */
    public boolean takesTraffic() {
        return this == SHARES || this == STEALS;
    }
}
