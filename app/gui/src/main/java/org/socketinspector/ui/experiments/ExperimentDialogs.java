package org.socketinspector.ui.experiments;

import java.util.concurrent.Executor;
import org.socketinspector.ui.common.DialogService;
import org.socketinspector.ui.common.UiThreads;

/** What the three kinds of experiment share in the view: the confirmation before a run, and where it runs. */
final class ExperimentDialogs {

    /** A view model's start: its run on the first executor, its result on the second. */
    interface Start {
        boolean start(Executor background, Executor fx);
    }

    private final UiThreads threads;
    private final DialogService dialogs;

    ExperimentDialogs(UiThreads threads, DialogService dialogs) {
        this.threads = threads;
        this.dialogs = dialogs;
    }

    /**
     * Asks before a run, saying exactly what it does; after OK starts it on the GUI's background executor (daemon
     * threads: an experiment never keeps the application from quitting, it ends its helpers itself).
     */
    void confirmAndStart(String header, String text, String id, Start start) {
        if (dialogs.confirm(header, text, id)) {
            start.start(threads.background(), threads.fx());
        }
    }
}
