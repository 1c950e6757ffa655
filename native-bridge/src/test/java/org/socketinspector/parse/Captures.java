package org.socketinspector.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.socketinspector.model.SocketRecord;

/** The real captures in src/test/resources/captures (see the README in each folder). */
final class Captures {

    static final List<String> ALL = List.of(
            "linux/ss-tuanpe.txt", "linux/ss-tanp.txt", "linux/netstat-tuanpe.txt", "linux/netstat-tanp.txt",
            "linux/lsof-nP-iTCP-iUDP.txt",
            "windows/en-netstat-ano.txt", "windows/en-netstat-anob.txt", "windows/en-netstat-an.txt",
            "windows/de-netstat-an-lab-report.txt", "windows/de-netstat-ano-flair.txt",
            "windows/fr-netstat-ano-flair.txt", "windows/es-netstat-nabo-cp850-mangled.txt",
            "windows/ru-netstat-a.txt", "windows/zh-netstat-ano.txt", "windows/zh-netstat-ano-time-wait.txt",
            "macos/netstat-vnp-tcp-mojave.txt", "macos/netstat-vanp-tcp-docker-listener.txt",
            "macos/netstat-an-parse-netstat-doc.txt");

    private Captures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Captures.class.getResourceAsStream("/captures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no capture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static ParsedCapture parse(CaptureParser parser, String name) throws CaptureParseException {
        return parser.parse(text(name), name);
    }

    static SocketRecord find(ParsedCapture capture, String protocol, String localEndpoint) {
        return capture.sockets().stream()
                .filter(s -> s.protocol().wireName().equals(protocol) && s.localEndpoint().equals(localEndpoint))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + protocol + " " + localEndpoint + " in " + capture.sockets()));
    }

    /** Lines of a capture that start with one of the given row tokens. */
    static long rows(String name, String regex) {
        return text(name).lines().filter(l -> l.matches(regex)).count();
    }
}
