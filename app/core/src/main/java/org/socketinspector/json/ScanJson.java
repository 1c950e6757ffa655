package org.socketinspector.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socketinspector.error.InspectorException;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;

/**
 * Reads and writes the two JSON contracts: a scan ({@code socket-inspector/scan/2}) and an audit, which is the
 * same object with {@code schema: socket-inspector/audit/2} and a {@code findings} array added. Version-1 documents
 * ({@code scan/1}, {@code audit/1}) are still read: their sockets get the unknown namespace, which the rules and the
 * history diff take as the scanned host's (docs/json-contract.md, "Versions").
 */
public final class ScanJson {

    /** Top-level fields indented, one socket or finding per line. */
    private static final ObjectWriter DOCUMENT = Json.mapper().writer(new RecordPerLinePrinter());

    /** The scan field whose array {@link #write(Scan, Iterable, Writer)} streams. */
    private static final String SOCKETS = "sockets";

    private ScanJson() {
    }

    public static String write(Scan scan) {
        return toText(Json.mapper().valueToTree(scan));
    }

    /**
     * Streams the scan to {@code out} without building a tree or a String first (a --all scan of 60,000 sockets is
     * about 40 MB of JSON). Same text as {@link #write(Scan)}; {@code out} is flushed, not closed.
     */
    public static void write(Scan scan, Writer out) throws IOException {
        DOCUMENT.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, scan);
        out.write(System.lineSeparator());
        out.flush();
    }

    /**
     * Streams a scan whose sockets are given apart ({@code head}'s own sockets are ignored), e.g. from a
     * {@link SocketSpool}: the same text as {@link #write(Scan, Writer)} of the whole scan, without holding it.
     * {@code out} is flushed, not closed.
     */
    public static void write(Scan head, Iterable<SocketRecord> sockets, Writer out) throws IOException {
        ObjectNode fields = Json.mapper().valueToTree(head.withSockets(List.of()));
        // the generator is flushed after each socket it writes: into out's buffer only, not through to the terminal
        try (JsonGenerator g = DOCUMENT.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .without(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM).createGenerator(out)) {
            g.writeStartObject();
            for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) fields::fields) {
                g.writeFieldName(field.getKey());
                if (!field.getKey().equals(SOCKETS)) {
                    g.writeTree(field.getValue());
                    continue;
                }
                g.writeStartArray();
                for (SocketRecord socket : sockets) {
                    g.writeObject(socket);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    public static String write(Audit audit) {
        return toText(toTree(audit));
    }

    public static ObjectNode toTree(Audit audit) {
        ObjectNode node = Json.mapper().valueToTree(audit.scan());
        node.put("schema", Audit.SCHEMA);
        node.set("findings", Json.mapper().valueToTree(audit.findings()));
        return node;
    }

    /** Reads a scan or an audit document; an audit's findings are returned too (empty for a scan). */
    public static Audit read(String text) throws InvalidJsonException {
        return readDocument(text).audit();
    }

    /**
     * A document as read: its audit (or scan with no findings) and the schema it declared, so that a caller can tell
     * a saved audit (reported as saved, whatever its version and even with no findings) from a scan to audit.
     */
    public record Document(Audit audit, String schema) {
        public boolean isAudit() {
            return isAuditSchema(schema);
        }
    }

    /** Whether a document's {@code schema} is an audit of a version this build reads (audit/1 or audit/2). */
    public static boolean isAuditSchema(String schema) {
        return Audit.SCHEMA.equals(schema) || Audit.SCHEMA_V1.equals(schema);
    }

    /** Whether a document's {@code schema} is a scan or an audit of a version this build reads. */
    public static boolean isKnownSchema(String schema) {
        return isAuditSchema(schema) || Scan.SCHEMA.equals(schema) || Scan.SCHEMA_V1.equals(schema);
    }

    public static Document readDocument(String text) throws InvalidJsonException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidJsonException(JsonErrors.describe(e, text), e); // the text places a limit's error
        }
        if (root == null || !root.isObject()) {
            throw new InvalidJsonException("expected a JSON object with \"schema\": \"" + Scan.SCHEMA + "\"", null);
        }
        String schema = root.path("schema").asText("");
        if (!isKnownSchema(schema)) {
            throw new InvalidJsonException("field \"schema\": expected \"" + Scan.SCHEMA + "\" or \"" + Audit.SCHEMA
                    + "\" (or version 1 of either), found \"" + schema + "\"", null);
        }
        Optional<String> problem = ContractCheck.problem(root, schema);
        if (problem.isPresent()) {
            throw new InvalidJsonException(problem.get(), null);
        }
        ObjectNode scanNode = ((ObjectNode) root).deepCopy();
        JsonNode findingsNode = scanNode.remove("findings");
        scanNode.put("schema", Scan.SCHEMA);
        try {
            Scan scan = Json.mapper().treeToValue(scanNode, Scan.class);
            List<Finding> findings = new ArrayList<>();
            if (findingsNode instanceof ArrayNode array) {
                for (JsonNode f : array) {
                    findings.add(Json.mapper().treeToValue(f, Finding.class));
                }
            }
            return new Document(new Audit(scan, findings), schema);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // The schema passed, so this is a rule of the model's records (e.g. a value out of range).
            throw new InvalidJsonException(e instanceof JsonProcessingException j ? JsonErrors.describe(j)
                    : e.getMessage(), e);
        }
    }

    private static String toText(JsonNode node) {
        try {
            return DOCUMENT.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON document that is not a scan or audit of this contract. */
    public static final class InvalidJsonException extends InspectorException {
        public InvalidJsonException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
