package org.socketinspector.ui.live;

import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.control.Tab;
import org.socketinspector.experiment.ProbedListener;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.ui.common.EventBus;
import org.socketinspector.ui.common.Page;
import org.socketinspector.ui.common.UiEvents.ProbeRequested;
import org.socketinspector.ui.common.UiEvents.WhatIfRequested;

/** The live tab: this machine's sockets, rescanned; asks for a what-if or a probe through the bus. */
public final class LivePage implements Page {

    private final LiveViewModel model;
    private final Tab tab;

    public LivePage(LiveViewModel model, EventBus bus, Consumer<String> openLink, OsFamily host) {
        this.model = model;
        tab = Page.fixedTab("Live", "tab-live", new LiveView(model, s -> bus.publish(new WhatIfRequested(s, host)),
                s -> bus.publish(new ProbeRequested(s, findingsOf(s))), openLink, host));
    }

    /** The ids of the findings the live view shows for {@code socket}, for the probe to check against. */
    private Set<String> findingsOf(SocketRecord socket) {
        Audit current = model.sockets().auditProperty().get();
        return current == null || !current.scan().sockets().contains(socket) ? null
                : ProbedListener.findings(current.findings(), socket);
    }

    public LiveViewModel model() {
        return model;
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public void close() {
        model.stop();
    }
}
