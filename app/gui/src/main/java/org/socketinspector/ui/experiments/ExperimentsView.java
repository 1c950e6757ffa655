package org.socketinspector.ui.experiments;

import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The Experiments tab: a segmented choice of the three kinds of experiment (lab replay, probe of a live port, bind
 * matrix), each with its own pane and view model.
 */
public final class ExperimentsView extends BorderPane {

    /** The kinds, in the order of the segmented choice. */
    public enum Kind {
        REPLAY("Replay", "A victim and an attacker helper on loopback, N connections, who gets them"),
        PROBE("Probe", "Can a second socket bind a live port of this machine? (bind, close at once)"),
        MATRIX("Bind matrix", "Every cell of this OS's bind matrix with real sockets, next to the model");

        final String label;
        final String hint;

        Kind(String label, String hint) {
            this.label = label;
            this.hint = hint;
        }
    }

    private final Map<Kind, ToggleButton> buttons = new EnumMap<>(Kind.class);
    private final Map<Kind, Node> panes = new EnumMap<>(Kind.class);

    public ExperimentsView(ExperimentsViewModel replay, ProbeViewModel probe, MatrixViewModel matrix,
                           org.socketinspector.ui.common.UiThreads threads, org.socketinspector.ui.common.DialogService dialogs) {
        setId("experiments-view");
        ExperimentDialogs runs = new ExperimentDialogs(threads, dialogs);
        panes.put(Kind.REPLAY, new ReplayPane(replay, runs));
        panes.put(Kind.PROBE, new ProbePane(probe, runs));
        panes.put(Kind.MATRIX, new MatrixPane(matrix, runs));

        ToggleGroup group = new ToggleGroup();
        HBox segments = new HBox();
        Kind[] kinds = Kind.values();
        for (int i = 0; i < kinds.length; i++) {
            Kind kind = kinds[i];
            ToggleButton b = new ToggleButton(kind.label);
            b.setId("kind-" + kind.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(group);
            b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == kinds.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            b.setOnAction(e -> show(kind));
            buttons.put(kind, b);
            segments.getChildren().add(b);
        }
        Label hint = new Label();
        hint.setId("kind-hint");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // a segmented choice always has one segment on
            }
        });
        HBox bar = new HBox(14, segments, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 10, 0, 10));
        setTop(bar);
        hint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> buttons.entrySet().stream()
                .filter(e -> e.getValue().isSelected()).map(e -> e.getKey().hint).findFirst().orElse(""),
                group.selectedToggleProperty()));
        show(Kind.REPLAY);
    }

    /** Shows one kind's pane (the shell calls it when a probe or a replay is handed over). */
    public void show(Kind kind) {
        buttons.get(kind).setSelected(true);
        setCenter(panes.get(kind));
    }

    /** The kind shown now. */
    public Kind shown() {
        return panes.entrySet().stream().filter(e -> e.getValue() == getCenter()).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
    }
}
