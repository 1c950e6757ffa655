package org.socketinspector;

import org.socketinspector.cli.SocketInspectorCommand;
import org.socketinspector.ui.GuiLauncher;

/** Entry point: no arguments start the GUI, any argument runs the command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            GuiLauncher.launch(args);
            return;
        }
        System.exit(SocketInspectorCommand.run(args));
    }
}
