package org.socketinspector.ui.capture;

import java.util.function.Consumer;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.ui.sockets.SocketsPane;
import org.socketinspector.ui.sockets.SocketsViewModel;

/** A tab with an opened capture or saved scan: the same table and side panel as the live view, never refreshed. */
public final class CaptureView extends SocketsPane {

    public CaptureView(Audit audit, Consumer<SocketRecord> whatIf, Consumer<String> openLink) {
        this(viewModel(audit), whatIf, openLink);
    }

    private final Audit audit;

    private CaptureView(SocketsViewModel model, Consumer<SocketRecord> whatIf, Consumer<String> openLink) {
        super(model, whatIf, openLink);
        this.audit = model.auditProperty().get();
        getStyleClass().add("capture-view");
        table().showRemote(model.rows().stream().anyMatch(r -> r.socket().remoteAddress() != null));
    }

    /** What this tab shows (for File → Export report…). */
    public Audit audit() {
        return audit;
    }

    private static SocketsViewModel viewModel(Audit audit) {
        SocketsViewModel model = new SocketsViewModel();
        model.show(audit);
        return model;
    }
}
