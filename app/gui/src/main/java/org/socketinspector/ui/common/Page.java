package org.socketinspector.ui.common;

import javafx.scene.control.Tab;

/**
 * One screen of the main window, as the shell registers it: its tab, and what it runs that must end with the window.
 * A page subscribes to the events it handles itself, so that the shell knows no screen's insides.
 */
public interface Page {

    /** The page's tab (not closable: captures are the only tabs a user closes). */
    Tab tab();

    /** Brings this page to the front, where the shell has added its tab. */
    default void select() {
        Tab tab = tab();
        if (tab.getTabPane() != null) {
            tab.getTabPane().getSelectionModel().select(tab);
        }
    }

    /** Ends what the page runs (a scan, an experiment); called once, when the window closes. */
    default void close() {
    }

    /** A fixed tab with an id, for {@link #tab()}. */
    static Tab fixedTab(String title, String id, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        tab.setClosable(false);
        return tab;
    }
}
