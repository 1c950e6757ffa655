package org.socketinspector.ui.live;

import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.ui.sockets.SocketsPane;

/** The main window's live tab: the socket table with the scan toggles. */
public final class LiveView extends SocketsPane {

    public LiveView(LiveViewModel model, Consumer<SocketRecord> whatIf, Consumer<SocketRecord> probePort,
                    Consumer<String> openLink, OsFamily host) {
        super(model.sockets(), whatIf, probePort, openLink);
        setId("live-view");
        ToggleButton all = new ToggleButton("All connections");
        all.setId("toggle-all");
        all.setTooltip(new Tooltip("Also list established connections, not only listeners and bound UDP sockets"));
        all.selectedProperty().bindBidirectional(model.allConnectionsProperty());
        model.allConnectionsProperty().addListener((o, was, now) -> table().showRemote(now));

        ToggleButton probe = new ToggleButton("Probe (Windows)");
        probe.setId("toggle-probe");
        boolean windows = host.isWindows();
        probe.setDisable(!windows);
        probe.setTooltip(new Tooltip(windows
                ? "Learn SO_EXCLUSIVEADDRUSE of each TCP listener with a momentary bind (no listen, no traffic)"
                : "Only Windows needs the bind probe: this OS lets Socket Inspector read the options directly"));
        probe.selectedProperty().addListener((o, was, now) -> {
            if (now && !model.probeProperty().get() && !confirmProbe()) {
                probe.setSelected(false);
                return;
            }
            model.probeProperty().set(now);
        });

        Button refresh = new Button("Refresh");
        refresh.setId("refresh-button");
        refresh.setOnAction(e -> model.refreshNow());
        addToToolbar(all, probe, refresh);
        model.errorProperty().addListener((o, was, now) -> showError(now));
    }

    /** The probe binds live ports: the user says yes knowing exactly what happens. */
    private boolean confirmProbe() {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "With each refresh (every 2 seconds), for every TCP listener, Socket Inspector will create a socket "
                        + "with SO_REUSEADDR, bind it to the listener's exact address and port, and close it at once. "
                        + "It never listens and sends nothing; the services keep working. UDP ports are not probed.",
                ButtonType.CANCEL, ButtonType.OK);
        alert.setHeaderText("Probe live TCP ports?");
        alert.initOwner(getScene() == null ? null : getScene().getWindow());
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
