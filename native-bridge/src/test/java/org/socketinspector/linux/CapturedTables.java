package org.socketinspector.linux;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;

/** The socket tables captured on this project's Linux 6.18 machine by capture/capture.py, and its manifest. */
final class CapturedTables {

    /** A socket the capture script opened, as listed in manifest.txt. */
    record Known(String name, Protocol protocol, Family family, String address, int port, long inode, long uid,
                 Boolean v6only) {
    }

    private CapturedTables() {
    }

    static byte[] bytes(String file) {
        try (InputStream in = CapturedTables.class.getResourceAsStream("capture/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource capture/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String file) {
        return new String(bytes(file), StandardCharsets.US_ASCII);
    }

    static List<Known> manifest() {
        return manifest("manifest.txt");
    }

    /** @param file manifest.txt, or manifest-bound.txt for the bound-inactive dump ({@code capture.py bound}) */
    static List<Known> manifest(String file) {
        List<Known> known = new ArrayList<>();
        for (String line : text(file).split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(" ");
            known.add(new Known(f[0], Protocol.fromWireName(f[1]), Family.fromWireName(f[2]), f[3],
                    Integer.parseInt(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]),
                    f[7].equals("-") ? null : f[7].equals("1")));
        }
        return known;
    }

    static Known known(String name) {
        return known("manifest.txt", name);
    }

    static Known known(String file, String name) {
        return manifest(file).stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    }
}
