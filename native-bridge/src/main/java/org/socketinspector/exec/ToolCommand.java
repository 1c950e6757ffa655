package org.socketinspector.exec;

import java.io.IOException;
import java.util.List;

/** Runs one command line and returns its standard output; {@link CommandRunner} for real, a lambda in tests. */
@FunctionalInterface
public interface ToolCommand {
    byte[] run(List<String> command) throws IOException;
}
