package org.socketinspector.history;

import java.time.Instant;

/** What every experiment result offers for listing and storing it; the record itself is its full JSON form. */
public interface ExperimentRecord {

    /** probe, replay or matrix. */
    String kind();

    /** One line for lists. */
    String title();

    /** One line saying what happened, e.g. "attacker took 9 of 20 connections". */
    String outcomeLine();

    /** Whether the observation agrees with the model; null when unknown. */
    Boolean agrees();

    String host();

    String toolVersion();

    Instant started();

    /** Null when the run was cancelled or reached its time limit (it is stored with what it measured so far). */
    Instant ended();

    /**
     * Why the run stopped before its end ("cancelled: Ctrl-C", "stopped: the experiment reached its time limit"),
     * null when it completed.
     */
    default String stopped() {
        return null;
    }

    /** "stopped early (why): " to lead the outcome line of a stopped run; "" for a complete one. */
    default String stoppedPrefix() {
        return stopped() == null ? "" : "stopped early (" + stopped() + "): ";
    }
}
