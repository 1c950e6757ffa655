package org.socketinspector.lesson;

/**
 * One process of a lesson after a step: the service (victim) or the attacker.
 *
 * @param role     "Service" or "Attacker"
 * @param user     its account
 * @param address  what it binds, e.g. "127.0.0.1:8080"
 * @param options  the options it sets, e.g. "reuseport" or "no options"
 * @param status   how far it got
 * @param error    the bind error when refused (EADDRINUSE, WSAEACCES ...), else null
 * @param received connections or datagrams it received so far
 */
public record Party(String role, String user, String address, String options, Status status, String error,
                    int received) {

    /**
     * How far a process got: from not there yet to listening (or connected, UDP), refused at bind, or gone with only
     * its TIME_WAIT connections left on the port.
     */
    public enum Status {
        ABSENT, BOUND, LISTENING, CONNECTED, REFUSED, TIME_WAIT;

        /** Whether it holds the port (and can receive traffic, once listening for TCP; never in TIME_WAIT). */
        public boolean holdsPort() {
            return this == BOUND || this == LISTENING || this == CONNECTED || this == TIME_WAIT;
        }
    }

    Party with(Status newStatus) {
        return new Party(role, user, address, options, newStatus, error, received);
    }

    Party refused(String newError) {
        return new Party(role, user, address, options, Status.REFUSED, newError, received);
    }

    Party receiving(int count) {
        return new Party(role, user, address, options, status, error, count);
    }
}
