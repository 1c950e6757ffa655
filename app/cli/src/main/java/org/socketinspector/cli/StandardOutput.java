package org.socketinspector.cli;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.socketinspector.output.OutputFile;
import picocli.CommandLine.Model.CommandSpec;

/** {@code -} as an output file: standard output. Text goes through the command's writer, binary to the stream. */
final class StandardOutput {

    private StandardOutput() {
    }

    static boolean isDash(Path output) {
        return output != null && output.toString().equals("-");
    }

    /** Text (UTF-8) content to the command's standard output writer, so that tests capture it. */
    static void text(CommandSpec spec, OutputFile.Content content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        content.writeTo(bytes);
        PrintWriter out = spec.commandLine().getOut();
        out.print(bytes.toString(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Binary content (PDF, zip) to the process's standard output stream itself. */
    static void binary(CommandSpec spec, OutputFile.Content content) throws IOException {
        spec.commandLine().getOut().flush();
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        content.writeTo(out);
        out.flush();
    }
}
