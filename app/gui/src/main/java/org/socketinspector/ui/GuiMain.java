package org.socketinspector.ui;

import org.socketinspector.collect.Platform;
import org.socketinspector.ui.common.UiThreads;

/**
 * The GUI's entry point: the log file first (so that a failure from here on leaves a trace), this machine's
 * platform, made once, and the services and threads the window runs on.
 */
public final class GuiMain {

    private GuiMain() {
    }

    public static void main(String[] args) {
        GuiLog.install();
        SocketInspectorApp.launch(LiveServices.create(Platform.forThisMachine()), UiThreads.standard(), args);
    }
}
