package org.socketinspector.input;

/**
 * One line of text input, without its line break.
 *
 * @param number 1-based line number
 * @param text   the decoded text; bytes the charset could not decode are U+FFFD
 *               ({@link LineReader#replacedLines()} says which lines have them)
 */
public record InputLine(long number, String text) {
}
