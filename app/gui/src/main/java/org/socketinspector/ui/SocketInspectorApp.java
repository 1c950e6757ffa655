package org.socketinspector.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: applies the theme, builds the shell on the real services and starts the live scan. */
public final class SocketInspectorApp extends Application {

    /** Handed over by {@link #launch}: JavaFX makes the Application itself, so it cannot take constructor arguments. */
    private static volatile UiServices services;
    private MainWindow window;

    /** Starts the GUI on these services (built by GuiMain on the one platform of this run). */
    static void launch(UiServices services, String... args) {
        SocketInspectorApp.services = services;
        Application.launch(SocketInspectorApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        // AtlantaFX's Primer theme: a modern, readable look in one line instead of hand-written CSS.
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        window = new MainWindow(services, url -> getHostServices().showDocument(url));
        stage.setTitle("Socket Inspector");
        stage.setScene(scene(window));
        stage.show();
        window.live().start(Platform::runLater);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }

    /** The scene with the application's stylesheet (severity colours, monospace cells). */
    public static Scene scene(javafx.scene.Parent root) {
        Scene scene = new Scene(root, 1240, 760);
        scene.getStylesheets().add(SocketInspectorApp.class.getResource("app.css").toExternalForm());
        BundledFonts.applyOnWindows(scene);
        return scene;
    }
}
