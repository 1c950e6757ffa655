package org.socketinspector.ui.capture;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.ui.sockets.SocketsPane;
import org.socketinspector.ui.sockets.SocketsViewModel;

/** A tab with an opened capture or saved scan: the same table and side panel as the live view, never refreshed. */
public final class CaptureView extends SocketsPane {

    public CaptureView(Audit audit, Consumer<SocketRecord> whatIf, Consumer<String> openLink) {
        this(viewModel(audit), whatIf, openLink, audit);
    }

    private final Audit audit;

    private CaptureView(SocketsViewModel model, Consumer<SocketRecord> whatIf, Consumer<String> openLink, Audit audit) {
        super(model, whatIf, openLink);
        this.audit = audit;
        getStyleClass().add("capture-view");
        table().showRemote(model.rows().stream().anyMatch(r -> r.socket().remoteAddress() != null));
        notes(audit.scan()).ifPresent(notes -> setBottom(new VBox(notes, getBottom())));
    }

    /** Skipped lines and unresolved names under the table, worded as the command line words them. */
    private static java.util.Optional<TitledPane> notes(org.socketinspector.model.Scan scan) {
        List<String> skipped = CaptureNotes.skipped(scan);
        List<String> unresolved = CaptureNotes.unresolved(scan);
        if (skipped.isEmpty() && unresolved.isEmpty()) {
            return java.util.Optional.empty();
        }
        ListView<String> list = new ListView<>();
        list.setId("capture-notes");
        list.getItems().addAll(skipped);
        list.getItems().addAll(unresolved);
        list.setPrefHeight(Math.min(8, list.getItems().size()) * 26 + 4);
        TitledPane pane = new TitledPane(skipped.size() + " skipped line" + (skipped.size() == 1 ? "" : "s") + ", "
                + unresolved.size() + " address" + (unresolved.size() == 1 ? "" : "es") + " unknown (names in capture)",
                list);
        pane.setId("capture-notes-pane");
        pane.setExpanded(!skipped.isEmpty());
        return java.util.Optional.of(pane);
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
