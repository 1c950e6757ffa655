package org.socketinspector.experiment;

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

    Instant ended();
}
