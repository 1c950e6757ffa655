package org.socketinspector.ui.experiments;

import java.util.concurrent.Executor;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/** What the three kinds of experiment share in the view: the confirmation before a run and its background thread. */
final class ExperimentDialogs {

    /** A daemon thread per run: an experiment never keeps the application from quitting (it ends its helpers itself). */
    static final Executor BACKGROUND = task -> {
        Thread t = new Thread(task, "experiment");
        t.setDaemon(true);
        t.start();
    };

    private ExperimentDialogs() {
    }

    /** Asks before a run, saying exactly what it does; true only after OK. */
    static boolean confirm(Node owner, String header, String text, String id) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.CANCEL, ButtonType.OK);
        confirm.setHeaderText(header);
        confirm.getDialogPane().setId(id);
        confirm.getDialogPane().setPrefWidth(620);
        confirm.initOwner(owner.getScene() == null ? null : owner.getScene().getWindow());
        return confirm.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
