package org.socketinspector.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The fonts the Windows build draws with (under Wine the system's came out as a symbol font): loaded and applied. */
@ExtendWith(ApplicationExtension.class)
class BundledFontsTest {

    private Label text;
    private Label mono;

    @Start
    void start(Stage stage) {
        // Made here, on the FX thread once the toolkit runs (a field initializer would run before it starts).
        text = new Label("Socket Inspector");
        mono = new Label("0.0.0.0:2024");
        mono.getStyleClass().add("mono");
        Scene scene = new Scene(new VBox(text, mono), 300, 100);
        scene.getStylesheets().add(SocketInspectorApp.class.getResource("app.css").toExternalForm());
        BundledFonts.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theBundledDejaVuFamiliesAreRegisteredAndTheLabelsUseThem(FxRobot robot) {
        assertThat(Font.getFamilies()).contains(BundledFonts.SANS, BundledFonts.MONO);
        robot.interact(() -> {
            assertThat(text.getFont().getFamily()).isEqualTo(BundledFonts.SANS);
            assertThat(mono.getFont().getFamily()).isEqualTo(BundledFonts.MONO);
        });
    }
}
