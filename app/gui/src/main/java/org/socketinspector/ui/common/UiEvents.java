package org.socketinspector.ui.common;

import java.util.Set;
import org.socketinspector.experiment.ReplayRequest;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.OsFamily;

/** The events pages publish on the {@link EventBus}. */
public final class UiEvents {

    private UiEvents() {
    }

    /**
     * The user asked what would happen if another socket bound next to {@code first} (null: an empty dialog), on
     * {@code os}: the OS of the scan or capture the socket was listed in.
     */
    public record WhatIfRequested(SocketRecord first, OsFamily os) {
    }

    /** A capture, saved scan or stored snapshot was read and should open as a tab. */
    public record AuditOpened(String title, Audit audit) {
    }

    /**
     * The user wants to probe a live socket's port (from the live table), with the ids of the findings the live
     * audit raised for it (null when unknown), which the probe checks.
     */
    public record ProbeRequested(SocketRecord socket, Set<String> findings) {
    }

    /** The user wants to replay a case for real (from the what-if dialog). */
    public record ExperimentRequested(ReplayRequest request) {
    }

    /** The Classroom asks for a what-if question to teach (the what-if dialog, on any OS). */
    public record LessonQuestionRequested() {
    }

    /** A question described in the what-if dialog, to be taught in the Classroom. */
    public record LessonQuestionChosen(BindQuestion question) {
    }
}
