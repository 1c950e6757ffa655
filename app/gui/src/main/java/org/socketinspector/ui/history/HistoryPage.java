package org.socketinspector.ui.history;

import java.util.Optional;
import javafx.scene.control.Tab;
import org.socketinspector.history.RunSummary;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.ui.common.EventBus;
import org.socketinspector.ui.common.Page;
import org.socketinspector.ui.common.UiEvents.AuditOpened;

/** The history tab: read when it is shown, so that the window opens without touching the database. */
public final class HistoryPage implements Page {

    private final HistoryViewModel model;
    private final HistoryView view;
    private final Tab tab;

    public HistoryPage(HistoryViewModel model, EventBus bus, OsFamily host) {
        this.model = model;
        view = new HistoryView(model, (title, audit) -> bus.publish(new AuditOpened(title, audit)), host);
        tab = Page.fixedTab("History", "tab-history", view);
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected()) {
                model.load();
            }
        });
    }

    public HistoryViewModel model() {
        return model;
    }

    /** The run selected in the list, if any. */
    public Optional<RunSummary> selectedRun() {
        return view.selectedRun();
    }

    @Override
    public Tab tab() {
        return tab;
    }
}
