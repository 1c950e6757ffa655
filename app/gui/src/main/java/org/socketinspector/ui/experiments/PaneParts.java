package org.socketinspector.ui.experiments;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.socketinspector.ui.experiments.ExperimentsViewModel.State;

/** The pieces the Replay, Probe and Bind matrix panes share, so that the three read and behave alike. */
final class PaneParts {

    private PaneParts() {
    }

    /** A label that wraps and never shrinks below its text. */
    static Label wrapping(String id) {
        Label l = new Label();
        if (id != null) {
            l.setId(id);
        }
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** The folded "Details (optional)" section: one row per label and control. */
    static TitledPane details(String id, Node... labelsAndControls) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        for (int i = 0; i + 1 < labelsAndControls.length; i += 2) {
            grid.addRow(i / 2, labelsAndControls[i], labelsAndControls[i + 1]);
        }
        TitledPane pane = new TitledPane("Details (optional)", grid);
        pane.setExpanded(false);
        pane.setId(id);
        return pane;
    }

    /** The run's message line, in the danger colour while the run has failed. */
    static Label message(String id, ObservableStringValue text, ObservableValue<State> state) {
        Label message = wrapping(id);
        message.textProperty().bind(text);
        state.addListener((o, was, now) -> {
            message.getStyleClass().remove(Styles.DANGER);
            if (now == State.FAILED) {
                message.getStyleClass().add(Styles.DANGER);
            }
        });
        return message;
    }
}
