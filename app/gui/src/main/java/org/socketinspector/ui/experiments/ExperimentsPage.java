package org.socketinspector.ui.experiments;

import javafx.scene.control.Tab;
import org.socketinspector.ui.common.DialogService;
import org.socketinspector.ui.common.EventBus;
import org.socketinspector.ui.common.Page;
import org.socketinspector.ui.common.UiEvents.ExperimentRequested;
import org.socketinspector.ui.common.UiEvents.ProbeRequested;
import org.socketinspector.ui.common.UiThreads;

/** The experiments tab: replay, probe and matrix; takes the cases other pages hand it through the bus. */
public final class ExperimentsPage implements Page {

    private final ExperimentsViewModel replay;
    private final ProbeViewModel probe;
    private final MatrixViewModel matrix;
    private final Tab tab;

    public ExperimentsPage(ExperimentsViewModel replay, ProbeViewModel probe, MatrixViewModel matrix, EventBus bus,
                           UiThreads threads, DialogService dialogs) {
        this.replay = replay;
        this.probe = probe;
        this.matrix = matrix;
        ExperimentsView view = new ExperimentsView(replay, probe, matrix, threads, dialogs);
        tab = Page.fixedTab("Experiments", "tab-experiments", view);
        bus.subscribe(ExperimentRequested.class, e -> {
            replay.useCase(e.request());
            view.show(ExperimentsView.Kind.REPLAY);
            select();
        });
        bus.subscribe(ProbeRequested.class, e -> {
            probe.prefill(e.socket(), e.findings());
            view.show(ExperimentsView.Kind.PROBE);
            select();
        });
    }

    public ExperimentsViewModel replay() {
        return replay;
    }

    public ProbeViewModel probe() {
        return probe;
    }

    public MatrixViewModel matrix() {
        return matrix;
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public void close() {
        replay.cancel();
        probe.cancel();
        matrix.cancel();
    }
}
