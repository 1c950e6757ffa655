package org.socketinspector.semantics;

import java.util.List;

/**
 * The model's answer to a {@link BindQuestion}.
 *
 * @param outcome             refused, separate, shares or steals
 * @param error               the error the second bind gets (EADDRINUSE, EACCES, WSAEADDRINUSE, WSAEACCES), null if it binds
 * @param firstCanStillListen when the first socket was only bound: can it still listen() afterwards? null when not applicable
 * @param explanation         plain words
 * @param sources             what the answer rests on (documentation, kernel source, a measurement)
 */
public record BindAnswer(Outcome outcome, String error, Boolean firstCanStillListen, String explanation,
                         List<String> sources) {

    public BindAnswer {
        sources = List.copyOf(sources);
    }
}
