package org.socketinspector.semantics;

import org.socketinspector.model.Protocol;

/** "If {@code first} is already bound on a port, what happens when {@code second} binds the same port?" */
public record BindQuestion(OsFamily os, Protocol protocol, BindEndpoint first, BindEndpoint second) {
}
