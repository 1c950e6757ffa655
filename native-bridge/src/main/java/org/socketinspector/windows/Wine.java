package org.socketinspector.windows;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

import java.util.Optional;

/**
 * Whether this Windows process runs under Wine, and which version: Wine's ntdll exports {@code wine_get_version}
 * (a C string such as "8.0"), Windows' ntdll does not. This is how Wine's own FAQ tells programs to detect it.
 * Windows only (loads ntdll).
 */
public final class Wine {

    private static volatile Optional<String> cached;

    private Wine() {
    }

    /** Wine's version when running under Wine, empty on real Windows. Asked once per process. */
    public static Optional<String> version() {
        Optional<String> known = cached;
        if (known == null) {
            known = ask();
            cached = known;
        }
        return known;
    }

    private static Optional<String> ask() {
        try {
            Function f = NativeLibrary.getInstance("ntdll").getFunction("wine_get_version");
            Object version = f.invoke(String.class, new Object[0]);
            return Optional.of(version == null ? "unknown" : version.toString());
        } catch (UnsatisfiedLinkError e) {
            return Optional.empty(); // no such export: real Windows
        }
    }
}
