package org.socketinspector.cli;

import java.nio.file.Path;
import org.socketinspector.output.FileNames;
import picocli.CommandLine;

/**
 * Every FILE argument of every command (issue 18, defect 11): a name the JVM could not decode from the command
 * line's bytes, or one the file system cannot take, is refused in one line that shows it escaped, instead of
 * reading or writing another file ({@code r\uFFFD.html}) or printing Java's InvalidPathException.
 */
final class PathArgument implements CommandLine.ITypeConverter<Path> {

    @Override
    public Path convert(String value) {
        try {
            return FileNames.path(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
