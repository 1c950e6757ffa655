package org.socketinspector.lesson;

import java.util.List;

/**
 * One step of a lesson: what the teacher shows and says, and the state of both processes after it.
 *
 * @param kind       what happens in the step
 * @param title      a short title ("The attacker binds")
 * @param narration  what the teacher says, one to three sentences
 * @param victim     the service after the step
 * @param attacker   the attacker after the step
 * @param deliveries for {@link Kind#CONNECT}, who got each connection or datagram in order; empty otherwise
 */
public record LessonStep(Kind kind, String title, String narration, Party victim, Party attacker,
                         List<Receiver> deliveries) {

    public LessonStep {
        deliveries = List.copyOf(deliveries);
    }

    /**
     * The steps of a lesson, in order (listen steps only for TCP, the attacker's only if its bind succeeded; the
     * service connects only in a connected-UDP case and exits only in a time-wait case).
     */
    public enum Kind {
        VICTIM_BINDS, VICTIM_LISTENS, VICTIM_CONNECTS, VICTIM_EXITS, ATTACKER_BINDS, ATTACKER_LISTENS, CONNECT,
        CONCLUSION
    }

    /** Who receives one connection. */
    public enum Receiver {
        VICTIM, ATTACKER
    }
}
