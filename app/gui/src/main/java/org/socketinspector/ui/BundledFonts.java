package org.socketinspector.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.text.Font;
import org.socketinspector.semantics.OsFamily;

/**
 * On Windows the GUI draws its text in the DejaVu fonts the application bundles (core's report fonts), not in the
 * system's: under Wine, JavaFX's default "System" family (Segoe UI on Windows) fell back to a symbol font and every
 * label came out in Greek letters. DejaVu covers Latin, Greek, Cyrillic and the box characters the views use, on
 * real Windows too. Other systems keep their own fonts.
 */
final class BundledFonts {

    static final String SANS = "DejaVu Sans";
    static final String MONO = "DejaVu Sans Mono";
    private static final List<String> FILES = List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf");
    private static volatile boolean loaded;

    private BundledFonts() {
    }

    /**
     * On a Windows host (the platform's answer, handed in as the services' {@code hostOs}): loads the fonts once and
     * adds windows.css (root and monospace families) to the scene.
     */
    static void applyOn(Scene scene, OsFamily host) {
        if (host.isWindows()) {
            apply(scene);
        }
    }

    /** Loads the fonts and makes the scene use them, on any OS (tests). */
    static void apply(Scene scene) {
        load();
        scene.getStylesheets().add(BundledFonts.class.getResource("windows.css").toExternalForm());
    }

    /** Registers the bundled fonts with JavaFX (once per process); afterwards CSS can name their families. */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        for (String file : FILES) {
            try (InputStream in = BundledFonts.class.getResourceAsStream("/org/socketinspector/report/fonts/" + file)) {
                if (in == null || Font.loadFont(in, 12) == null) {
                    throw new IllegalStateException("bundled font " + file + " is missing or unreadable");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("bundled font " + file, e);
            }
        }
        loaded = true;
    }
}
