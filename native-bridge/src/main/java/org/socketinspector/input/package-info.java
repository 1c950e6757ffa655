/**
 * Reading what a user hands the program (a capture, a scan JSON, a questions file) within limits: size, line
 * length, and time to wait for a FIFO or pipe. Every error is an {@link org.socketinspector.input.InputException}
 * naming its place ({@code capture.txt:12}) and reason in one line.
 */
package org.socketinspector.input;
