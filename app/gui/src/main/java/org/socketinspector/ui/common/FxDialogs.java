package org.socketinspector.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The JavaFX dialogs, owned by the application's window. */
public final class FxDialogs implements DialogService {

    private final Supplier<Window> owner;

    /** @param owner the window the dialogs belong to (null before it is shown) */
    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        types.forEach(t -> chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(t.description(), t.patterns())));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        Path folder = suggested.toAbsolutePath().getParent();
        if (folder != null && folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.setInitialFileName(suggested.getFileName() == null ? "" : suggested.getFileName().toString());
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public void inform(String header, String text) {
        show(Alert.AlertType.INFORMATION, header, text);
    }

    @Override
    public void error(String header, String text) {
        show(Alert.AlertType.ERROR, header, text);
    }

    private void show(Alert.AlertType type, String header, String text) {
        Alert alert = new Alert(type, text);
        alert.setHeaderText(header);
        alert.initOwner(owner.get());
        alert.show();
    }

    @Override
    public boolean confirm(String header, String text, String id) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.CANCEL, ButtonType.OK);
        confirm.setHeaderText(header);
        confirm.getDialogPane().setId(id);
        confirm.getDialogPane().setPrefWidth(620);
        confirm.initOwner(owner.get());
        return confirm.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
