package org.socketinspector.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The dialogs the view models ask for (file choosers, messages, confirmations), behind an interface so that view
 * models are tested without a window. {@link FxDialogs} shows real ones. Called on the FX thread.
 */
public interface DialogService {

    /** A kind of file for a chooser, e.g. ("Scans and captures", ["*.json", "*.txt"]). */
    record FileType(String description, List<String> patterns) {
    }

    Optional<Path> chooseFileToOpen(String title, List<FileType> types);

    /** @param suggested the file proposed (its folder opened when it exists) */
    Optional<Path> chooseFileToSave(String title, Path suggested);

    void inform(String header, String text);

    void error(String header, String text);

    /** Asks before doing something; true only after OK. {@code id} names the dialog pane (for tests and CSS). */
    boolean confirm(String header, String text, String id);
}
