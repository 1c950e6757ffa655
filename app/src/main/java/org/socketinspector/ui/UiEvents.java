package org.socketinspector.ui;

import java.nio.file.Path;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;

/** The events pages publish on the {@link EventBus}. */
public final class UiEvents {

    private UiEvents() {
    }

    /** The user asked what would happen if another socket bound next to {@code first} (null: an empty dialog). */
    public record WhatIfRequested(SocketRecord first) {
    }

    /** A capture or saved scan was read and should open as a tab. */
    public record CaptureOpened(Path file, Audit audit) {
    }
}
