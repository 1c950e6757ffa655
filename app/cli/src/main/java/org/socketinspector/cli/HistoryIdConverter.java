package org.socketinspector.cli;

import org.socketinspector.history.HistoryId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads E12 / S3 on the command line; anything else is a usage error (exit 2) that says what an id looks like. */
final class HistoryIdConverter implements ITypeConverter<HistoryId> {
    @Override
    public HistoryId convert(String value) {
        try {
            return HistoryId.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
