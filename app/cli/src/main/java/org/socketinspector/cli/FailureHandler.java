package org.socketinspector.cli;

import org.socketinspector.text.TerminalText;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Any failure a command did not handle becomes one line on stderr and exit code 1, never a stack trace. */
final class FailureHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        commandLine.getErr().println("socket-inspector: " + TerminalText.escape(message));
        if (Boolean.getBoolean("socketinspector.debug")) {
            ex.printStackTrace(commandLine.getErr());
        }
        return SocketInspectorCommand.EXIT_FAILURE;
    }
}
