package org.socketinspector.ui.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * A tool bar of groups that wraps as wholes onto a second row when the window is narrow (1024 px, a projector),
 * instead of an HBox that cuts every button and label to "…".
 */
public final class WrappingToolBar {

    private WrappingToolBar() {
    }

    /** The groups side by side, wrapping onto further rows; each keeps its own width. */
    public static FlowPane of(HBox... groups) {
        FlowPane bar = new FlowPane(16, 6, groups);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Controls that belong together and never wrap apart (a label and its field). */
    public static HBox group(Node... nodes) {
        HBox group = new HBox(8, nodes);
        group.setAlignment(Pos.CENTER_LEFT);
        return group;
    }
}
