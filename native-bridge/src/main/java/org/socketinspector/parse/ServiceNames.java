package org.socketinspector.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.socketinspector.model.Protocol;

/**
 * Port numbers of the service names tools print without {@code -n} ({@code ssh}, {@code domain}, {@code mdns}),
 * from an embedded copy of Debian netbase 6.4's IANA-derived {@code services} file (docs/import.md: source, date,
 * licence). Never the importing machine's {@code /etc/services}: it may differ from the capturing machine's.
 */
final class ServiceNames {

    private static final Map<String, Integer> PORTS = load();

    private ServiceNames() {
    }

    /** The port of {@code name} ({@code ssh}, or an alias such as {@code loc-srv}) for the protocol, or null. */
    static Integer port(String name, Protocol protocol) {
        String key = name.toLowerCase(Locale.ROOT) + "/" + protocol.wireName();
        Integer port = PORTS.get(key);
        // a name listed for the other protocol only (e.g. "ipp" is tcp in netbase): the same IANA assignment
        return port != null ? port : PORTS.get(name.toLowerCase(Locale.ROOT) + "/any");
    }

    private static Map<String, Integer> load() {
        Map<String, Integer> ports = new HashMap<>();
        try (InputStream in = ServiceNames.class.getResourceAsStream("services")) {
            if (in == null) {
                throw new IllegalStateException("the embedded services table is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                int hash = line.indexOf('#');
                String[] fields = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
                if (fields.length < 2 || fields[1].indexOf('/') < 0) {
                    continue;
                }
                String[] portProto = fields[1].split("/");
                int port = Integer.parseInt(portProto[0]);
                String proto = portProto[1].toLowerCase(Locale.ROOT);
                for (int i = 0; i < fields.length; i++) {
                    if (i == 1) {
                        continue;
                    }
                    String name = fields[i].toLowerCase(Locale.ROOT);
                    ports.putIfAbsent(name + "/" + proto, port);
                    ports.putIfAbsent(name + "/any", port);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(ports);
    }
}
