/**
 * Errors and logs, shared by every layer: {@link org.socketinspector.error.InspectorException} (the one root of
 * the program's own failures) and the plumbing behind {@code System.Logger} (a private, size-capped, rotated log
 * file for the GUI; silence for the command line). Depends only on the JDK.
 */
package org.socketinspector.error;
