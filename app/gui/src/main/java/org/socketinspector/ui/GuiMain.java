package org.socketinspector.ui;

import org.socketinspector.collect.Platform;

/** The GUI's entry point: this machine's platform, made once, and the services the window runs on. */
public final class GuiMain {

    private GuiMain() {
    }

    public static void main(String[] args) {
        SocketInspectorApp.launch(LiveServices.create(Platform.forThisMachine()), args);
    }
}
