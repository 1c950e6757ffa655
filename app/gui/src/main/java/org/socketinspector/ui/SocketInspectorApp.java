package org.socketinspector.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.socketinspector.ui.common.UiThreads;

/** The JavaFX application: applies the theme, builds the shell on the real services and starts the live scan. */
public final class SocketInspectorApp extends Application {

    /** Handed over by {@link #launch}: JavaFX makes the Application itself, so it cannot take constructor arguments. */
    /** The window's size where the screen allows it. */
    static final double WIDTH = 1240;
    static final double HEIGHT = 760;
    private static volatile UiServices services;
    private static volatile UiThreads threads;
    private MainWindow window;

    /** Starts the GUI on these services and threads (built by GuiMain on the one platform of this run). */
    static void launch(UiServices services, UiThreads threads, String... args) {
        SocketInspectorApp.services = services;
        SocketInspectorApp.threads = threads;
        Application.launch(SocketInspectorApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        // AtlantaFX's Primer theme: a modern, readable look in one line instead of hand-written CSS.
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        window = new MainWindow(services, threads, url -> getHostServices().showDocument(url));
        stage.setTitle("Socket Inspector");
        Scene scene = scene(window);
        BundledFonts.applyOn(scene, services.hostOs());
        stage.setScene(scene);
        // A small screen (1024x700, a projector) gets a window it can show whole, not one cut off at both sides.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(WIDTH, screen.getWidth()));
        stage.setHeight(Math.min(HEIGHT, screen.getHeight()));
        stage.show();
        window.live().start(threads.fx());
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        threads.close();
    }

    /** The scene with the application's stylesheet (severity colours, monospace cells). */
    public static Scene scene(javafx.scene.Parent root) {
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(SocketInspectorApp.class.getResource("app.css").toExternalForm());
        return scene;
    }
}
