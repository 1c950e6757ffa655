package org.socketinspector.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application shell. */
public final class SocketInspectorApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Socket Inspector");
        stage.setScene(new Scene(new Label("Socket Inspector"), 1100, 700));
        stage.show();
    }
}
