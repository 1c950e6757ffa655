package org.socketinspector.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a scan or audit document against the published JSON Schema (docs/schema, shipped in this jar) and the
 * model's own rules the schema cannot say: every address is an IP literal, unless the socket marks it as a name an
 * imported capture printed ({@code names}). A document that passes cannot make us write an audit that fails our
 * own schema. The first problem is reported with its field's JSON path, e.g. {@code $.sockets[3].localPort}.
 */
final class ContractCheck {

    static final String BASE = "https://socketinspector.org/schema/";
    private static final String RESOURCES = "classpath:org/socketinspector/json/schema/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(BASE, RESOURCES)));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_PATH).build();
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[A-Za-z0-9_.\\-]{1,64})?");

    private ContractCheck() {
    }

    /**
     * The first problem as "field PATH: reason", or empty when the document keeps the contract of the version it
     * declares ({@code schemaName}: socket-inspector/scan/1, scan/2, audit/1 or audit/2; docs/schema/KIND-N.schema.json).
     */
    static Optional<String> problem(JsonNode root, String schemaName) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(BASE + schemaFile(schemaName)), CONFIG);
        Optional<ValidationMessage> first = schema.validate(root).stream()
                .min(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage));
        if (first.isPresent()) {
            ValidationMessage m = first.get();
            String path = m.getInstanceLocation().toString();
            String message = m.getMessage();
            // networknt starts its message with the path again ("$.sockets[0].localPort: must be ..."): said once.
            String reason = message.startsWith(path + ": ") ? message.substring(path.length() + 2) : message;
            return Optional.of("field " + path + ": " + reason);
        }
        JsonNode sockets = root.path("sockets");
        for (int i = 0; i < sockets.size(); i++) {
            JsonNode s = sockets.get(i);
            boolean named = s.hasNonNull("names");
            for (String field : new String[] {"localAddress", "remoteAddress"}) {
                JsonNode address = s.get(field);
                if (address != null && address.isTextual() && !named && !isIpLiteral(address.asText())) {
                    return Optional.of("field $.sockets[" + i + "]." + field + ": \"" + cut(address.asText())
                            + "\" is not an IP address");
                }
            }
        }
        return Optional.empty();
    }

    /** "socket-inspector/audit/2" → "audit-2.schema.json". */
    static String schemaFile(String schemaName) {
        String kindAndVersion = schemaName.substring(schemaName.indexOf('/') + 1);
        return kindAndVersion.replace('/', '-') + ".schema.json";
    }

    /** An IPv4 dotted quad or an IPv6 literal (optionally with a zone), never resolved as a name. */
    static boolean isIpLiteral(String text) {
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (!text.contains(":") || !IPV6.matcher(text).matches()) {
            return false;
        }
        String bare = text.indexOf('%') >= 0 ? text.substring(0, text.indexOf('%')) : text;
        try {
            // In brackets the JDK parses it as an IPv6 literal and never looks it up as a host name.
            return java.net.InetAddress.getByName("[" + bare + "]") != null;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String cut(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
