package org.socketinspector.ui;

import javafx.application.Application;

/** Starts the JavaFX application; kept apart from Main so that the CLI path never loads JavaFX. */
public final class GuiLauncher {

    private GuiLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(SocketInspectorApp.class, args);
    }
}
