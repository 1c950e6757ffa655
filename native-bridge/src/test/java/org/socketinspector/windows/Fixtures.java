package org.socketinspector.windows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The captured IP Helper buffers in src/test/resources/windows-iphlpapi (see the README there). */
final class Fixtures {
    static final String LINUX_ONLY = "linux-sockets-only";
    static final String WITH_WINE = "with-wine-sockets";

    private Fixtures() {
    }

    static byte[] table(String dump, TableKind kind) {
        String name = "/windows-iphlpapi/" + dump + "/" + kind.label() + ".bin";
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
