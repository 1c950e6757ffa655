package org.socketinspector.ui.common;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.util.Callback;
import org.socketinspector.text.TerminalText;

/**
 * Text other users chose (process names, command lines, user names, captured lines, stored runs, error messages
 * quoting them) as the GUI shows it: through the one {@link TerminalText} escaping the CLI and the reports use. A
 * label does not run ESC sequences, but a newline splits a table cell or a label into lines the admin takes for
 * separate entries, and U+202E reverses what follows ("evil\u202Etxt.exe" reads "evilexe.txt"); shown escaped they
 * are plain to see. Every view shows such text through here: table and list cells and labels.
 */
public final class ShownText {

    private ShownText() {
    }

    /** The text with control, bidi and invisible characters shown as escapes; "" for null. */
    public static String of(String text) {
        return TerminalText.escape(text);
    }

    /** Our own multi-line text with foreign values in it: its newlines stay lines, everything else is escaped. */
    public static String keepingLines(String text) {
        return TerminalText.escapeKeepingLines(text);
    }

    /** A label showing foreign text. */
    public static Label label(String text) {
        return new Label(of(text));
    }

    /** Binds the label's text to foreign text, escaped (null shows as nothing). */
    public static void bind(Labeled label, ObservableValue<String> text) {
        label.textProperty().bind(Bindings.createStringBinding(
                () -> text.getValue() == null ? null : of(text.getValue()), text));
    }

    /** Table cells showing {@code text} of each value, escaped, with the given style classes. */
    public static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> cells(Function<T, String> text,
                                                                          String... styleClasses) {
        return column -> new Cell<>(text, styleClasses);
    }

    /** Table cells showing each value's {@code toString()}, escaped (what JavaFX's default cell shows raw). */
    public static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> cells() {
        return cells(v -> v == null ? null : v.toString());
    }

    /** List cells showing each string escaped, wrapping long ones. */
    public static Callback<ListView<String>, ListCell<String>> wrappingListCells() {
        return list -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : of(item));
                setWrapText(true);
                setPrefWidth(0);
            }
        };
    }

    private static final class Cell<S, T> extends TableCell<S, T> {
        private final Function<T, String> text;

        Cell(Function<T, String> text, String... styleClasses) {
            this.text = text;
            getStyleClass().addAll(styleClasses);
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            String shown = empty ? null : text.apply(item);
            setText(shown == null ? null : of(shown));
        }
    }
}
