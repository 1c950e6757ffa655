package org.socketinspector.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.socketinspector.output.OutputFile;

/**
 * Writes one {@link ReportFormat}: a single host's {@link Report} and a {@link FleetReport}, to a stream and to a file.
 * A format writing several files (CSV) overrides the file methods; everything else goes through one
 * {@link OutputFile} write (temporary file beside the target, renamed over it).
 */
interface FormatWriter {

    /** Writes the report to a stream that is buffered by the caller and flushed afterwards. */
    void write(Report report, ReportOptions options, OutputStream out) throws IOException;

    /** Writes the fleet report to a stream that is buffered by the caller and flushed afterwards. */
    void write(FleetReport fleet, OutputStream out) throws IOException;

    /** Writes the report to {@code output}; returns the files written. */
    default List<Path> write(Report report, ReportOptions options, Path output) throws IOException {
        OutputFile.write(output, out -> buffered(out, b -> write(report, options, b)));
        return List.of(output);
    }

    /** Writes the fleet report to {@code output}; returns the files written. */
    default List<Path> write(FleetReport fleet, Path output) throws IOException {
        OutputFile.write(output, out -> buffered(out, b -> write(fleet, b)));
        return List.of(output);
    }

    /** Runs {@code content} over a 64 KiB buffer on {@code out} and flushes it (the stream is not closed). */
    static void buffered(OutputStream out, OutputFile.Content content) throws IOException {
        OutputStream buffer = new BufferedOutputStream(out, 1 << 16);
        content.writeTo(buffer);
        buffer.flush();
    }
}
