package org.socketinspector.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.json.Json;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.NamespaceInfo;
import org.socketinspector.model.NetNs;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.RuleEngine;

/**
 * The published version-2 schemas (docs/schema) against what we write for several namespaces, the additions policy
 * they state, and the version-1 schemas still describing version-1 documents (issue 19, item 4).
 */
class NamespaceSchemaTest {

    @TempDir
    Path dir;

    private static String demoV1() throws Exception {
        try (InputStream in = NamespaceSchemaTest.class.getResourceAsStream(
                "/org/socketinspector/json/audit-1-demo.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The demo with one of its listeners also in netns web (a second namespace), audited. */
    private static Audit twoNamespaces() throws Exception {
        Scan demo = ScanJson.read(demoV1()).scan();
        NetNs host = new NetNs(4026531840L, null);
        NetNs web = new NetNs(4026532301L, "web");
        List<SocketRecord> sockets = new ArrayList<>(demo.sockets().stream().map(s -> s.withNetns(host)).toList());
        sockets.add(sockets.get(1).withNetns(web).withOwner(4242, sockets.get(1).process()));
        return RuleEngine.audit(demo.withSockets(sockets)
                .withNamespaces(List.of(new NamespaceInfo(web, 0, false, List.of("::1", "127.0.0.1"), true))));
    }

    @Test
    void aScanAndAnAuditOfSeveralNamespacesValidateAndEveryFieldIsDescribed() throws Exception {
        Audit audit = twoNamespaces();
        ObjectNode written = ScanJson.toTree(audit);
        assertThat(Schemas.errors("audit-2.schema.json", written)).isEmpty();
        assertThat(Schemas.errors("scan-2.schema.json", Json.mapper().readTree(ScanJson.write(audit.scan()))))
                .isEmpty();
        JsonNode scanDefs = Json.mapper().readTree(Schemas.directory().resolve("scan-2.schema.json").toFile())
                .get("$defs");
        JsonNode auditSchema = Json.mapper().readTree(Schemas.directory().resolve("audit-2.schema.json").toFile());
        assertDescribed(written, auditSchema.get("properties"));
        assertDescribed(written.at("/sockets/0/netns"), scanDefs.at("/netns/properties"));
        assertDescribed(written.at("/namespaces/0"), scanDefs.at("/namespace/properties"));
        JsonNode named = null;
        for (JsonNode f : written.get("findings")) {
            if (f.at("/socket/netns/name").asText().equals("web")) {
                named = f.get("socket");
            }
        }
        assertThat(named).as("a finding naming netns web").isNotNull();
        assertDescribed(named, auditSchema.at("/$defs/subject/properties"));
    }

    @Test
    void aFleetOfSeveralNamespacesValidates() throws Exception {
        Path file = Files.writeString(dir.resolve("a.json"), ScanJson.write(twoNamespaces()));
        ReportOptions options = ReportOptions.of(ReportFormat.JSON);
        Fleet fleet = Fleet.scan(List.of(file), f -> ScanJson.read(Files.readString(f)),
                new ReportExporter(RuleDescriptions.fromFindings()), options);
        Path out = dir.resolve("fleet.json");
        new FleetReport(fleet, options).write(out);
        JsonNode node = Json.mapper().readTree(out.toFile());
        assertThat(node.get("schema").asText()).isEqualTo("socket-inspector/fleet/2");
        assertThat(Schemas.errors("fleet-2.schema.json", node)).isEmpty();
    }

    @Test
    void versionOneDocumentsKeepTheirSchemasAndVersionTwoRequiresNetns() throws Exception {
        JsonNode v1 = Json.mapper().readTree(demoV1());
        assertThat(Schemas.errors("audit-1.schema.json", v1)).isEmpty();
        ObjectNode fleetV1 = Json.mapper().createObjectNode().put("schema", "socket-inspector/fleet/1");
        fleetV1.putArray("hosts").addObject().put("host", "vm").put("file", "vm.json").put("listeners", 7)
                .put("sockets", 7).put("high", 1).put("medium", 2).put("low", 0).put("info", 4);
        fleetV1.putArray("audits").add(v1);
        assertThat(Schemas.errors("fleet-1.schema.json", fleetV1)).isEmpty();
        ObjectNode relabelled = ((ObjectNode) v1.deepCopy()).put("schema", "socket-inspector/audit/2");
        assertThat(Schemas.errors("audit-2.schema.json", relabelled)).anyMatch(e -> e.contains("netns"));
    }

    /** Every object the version-2 schemas describe says it is open to later optional fields. */
    @Test
    void everyObjectOfVersionTwoIsOpenToLaterAdditions() throws Exception {
        for (String name : List.of("scan-2.schema.json", "audit-2.schema.json", "fleet-2.schema.json")) {
            JsonNode schema = Json.mapper().readTree(Schemas.directory().resolve(name).toFile());
            assertThat(schema.get("description").asText()).as(name).contains("optional additions");
            List<String> closed = new ArrayList<>();
            collectClosed(schema, "#", closed);
            assertThat(closed).as(name + ": objects without additionalProperties: true").isEmpty();
        }
    }

    private static void collectClosed(JsonNode node, String path, List<String> closed) {
        if (node.isObject()) {
            JsonNode type = node.get("type");
            boolean object = type != null && (type.asText().equals("object")
                    || (type instanceof ArrayNode a && a.toString().contains("\"object\"")));
            if (object && node.has("properties") && !node.path("additionalProperties").asBoolean(false)) {
                closed.add(path);
            }
            node.fields().forEachRemaining(e -> collectClosed(e.getValue(), path + "/" + e.getKey(), closed));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectClosed(node.get(i), path + "/" + i, closed);
            }
        }
    }

    private static void assertDescribed(JsonNode written, JsonNode properties) {
        assertThat(properties.isObject()).isTrue();
        List<String> fields = new ArrayList<>();
        written.fieldNames().forEachRemaining(fields::add);
        List<String> described = new ArrayList<>();
        properties.fieldNames().forEachRemaining(described::add);
        assertThat(described).containsAll(fields);
    }
}
