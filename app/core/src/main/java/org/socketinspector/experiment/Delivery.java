package org.socketinspector.experiment;

import java.time.Instant;

/**
 * One connection accepted, or one datagram received, by a socket of a side.
 *
 * @param socketId the side's name for the socket that got it
 * @param tag      what the client sent (its sequence number), so each delivery is matched to one attempt
 * @param at       when the socket got it
 */
public record Delivery(String socketId, String tag, Instant at) {
}
