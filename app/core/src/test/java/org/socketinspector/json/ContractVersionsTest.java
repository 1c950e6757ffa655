package org.socketinspector.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.NamespaceInfo;
import org.socketinspector.model.NetNs;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.RuleEngine;

/**
 * scan/2 and audit/2 (issue 19, item 4) and version 1 kept: a stored audit/1 document (docs/examples' demo report,
 * frozen here) and a scan/1 one still read; a scan of one namespace differs from version 1 only in {@code schema}
 * and one {@code netns} per socket; version 2 is open to later optional fields.
 */
class ContractVersionsTest {

    static String demoAuditV1() throws IOException {
        try (InputStream in = ContractVersionsTest.class.getResourceAsStream("audit-1-demo.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ObjectNode tree(String text) throws IOException {
        return (ObjectNode) Json.mapper().readTree(text);
    }

    @Test
    void aStoredAuditOfVersionOneIsReadAsASavedAudit() throws Exception {
        ScanJson.Document document = ScanJson.readDocument(demoAuditV1());
        assertThat(document.schema()).isEqualTo("socket-inspector/audit/1");
        assertThat(document.isAudit()).as("reported as saved, not audited again").isTrue();
        assertThat(document.audit().findings()).hasSize(7);
        assertThat(document.audit().scan().sockets()).hasSize(7)
                .allMatch(s -> s.netns().equals(NetNs.UNKNOWN), "version 1 names no namespace");
    }

    @Test
    void aScanOfVersionOneIsReadAsAScanToAudit() throws Exception {
        ObjectNode scan = tree(demoAuditV1());
        scan.remove("findings");
        scan.put("schema", "socket-inspector/scan/1");
        ScanJson.Document document = ScanJson.readDocument(Json.mapper().writeValueAsString(scan));
        assertThat(document.isAudit()).isFalse();
        assertThat(document.audit().findings()).isEmpty();
        assertThat(RuleEngine.audit(document.audit().scan()).findings()).isNotEmpty();
    }

    @Test
    void aScanOfOneNamespaceDiffersFromVersionOneOnlyInSchemaAndNetns() throws Exception {
        ObjectNode v1 = tree(demoAuditV1());
        Audit audit = ScanJson.read(demoAuditV1());
        NetNs here = new NetNs(4026531840L, null);
        Audit live = new Audit(audit.scan().withSockets(audit.scan().sockets().stream()
                .map(s -> s.withNetns(here)).toList()), audit.findings());
        ObjectNode v2 = tree(ScanJson.write(live));

        assertThat(v2.get("schema").asText()).isEqualTo("socket-inspector/audit/2");
        for (JsonNode socket : v2.get("sockets")) {
            assertThat(socket.get("netns")).isEqualTo(tree("{\"inode\": 4026531840, \"name\": null}"));
            ((ObjectNode) socket).remove("netns");
        }
        v2.put("schema", "socket-inspector/audit/1");
        // Differences older than version 2, not made by it: the demo predates the host's loopback facts (now written
        // as null) and the millisecond collectedAt.
        ObjectNode host = (ObjectNode) v1.get("host");
        host.putNull("localhost");
        host.putNull("ipv6Loopback");
        v1.put("collectedAt", v2.get("collectedAt").asText());
        assertThat(v2).isEqualTo(v1);
    }

    @Test
    void captureAndWindowsSocketsCarryTheUnknownForm() throws Exception {
        Audit audit = ScanJson.read(demoAuditV1());
        JsonNode written = tree(ScanJson.write(audit.scan()));
        assertThat(written.get("schema").asText()).isEqualTo("socket-inspector/scan/2");
        assertThat(written.at("/sockets/0/netns")).isEqualTo(tree("{\"inode\": null, \"name\": null}"));
        assertThat(written.has("namespaces")).as("only a scan of several namespaces lists them").isFalse();
    }

    @Test
    void versionTwoRequiresNetnsVersionOneDoesNot() throws Exception {
        ObjectNode v2 = tree(ScanJson.write(ScanJson.read(demoAuditV1())));
        ((ObjectNode) v2.get("sockets").get(3)).remove("netns");
        assertThatThrownBy(() -> ScanJson.read(Json.mapper().writeValueAsString(v2)))
                .hasMessageContaining("$.sockets[3]").hasMessageContaining("netns");
        ObjectNode badInode = tree(ScanJson.write(ScanJson.read(demoAuditV1())));
        ((ObjectNode) badInode.at("/sockets/0/netns")).put("inode", -5);
        assertThatThrownBy(() -> ScanJson.read(Json.mapper().writeValueAsString(badInode)))
                .hasMessageContaining("$.sockets[0].netns.inode");
    }

    @Test
    void laterOptionalFieldsAreAcceptedUnderVersionTwo() throws Exception {
        ObjectNode v2 = tree(ScanJson.write(ScanJson.read(demoAuditV1())));
        ((ObjectNode) v2.get("sockets").get(0)).putObject("container").put("id", "3f2a").put("name", "web");
        ((ObjectNode) v2.get("host")).put("machineId", "0123456789abcdef");
        ((ObjectNode) v2.at("/sockets/0/options")).put("reuseportCbpf", true);
        ((ObjectNode) v2.at("/sockets/0/netns")).put("container", "web");
        assertThat(ScanJson.read(Json.mapper().writeValueAsString(v2))).isEqualTo(ScanJson.read(demoAuditV1()));
    }

    @Test
    void aScanOfSeveralNamespacesListsTheirFactsAndComesBackEqual() throws Exception {
        Audit demo = ScanJson.read(demoAuditV1());
        NetNs web = new NetNs(4026532301L, "web");
        List<SocketRecord> sockets = new java.util.ArrayList<>(demo.scan().sockets());
        sockets.add(sockets.get(1).withNetns(web));
        Scan scan = demo.scan().withSockets(sockets)
                .withNamespaces(List.of(new NamespaceInfo(web, 0, true, List.of("127.0.0.1"), false)));
        Audit audited = RuleEngine.audit(scan);
        String text = ScanJson.write(audited);
        JsonNode tree = tree(text);
        assertThat(tree.at("/namespaces/0/netns/name").asText()).isEqualTo("web");
        assertThat(tree.at("/namespaces/0/unprivilegedPortStart").asInt()).isZero();
        assertThat(ScanJson.read(text)).isEqualTo(audited);
        assertThat(audited.findings()).anyMatch(f -> web.equals(f.socket().netns()));
    }

    @Test
    void anUnknownVersionIsRefusedNamingWhatIsRead() {
        assertThatThrownBy(() -> ScanJson.read("{\"schema\": \"socket-inspector/scan/3\"}"))
                .hasMessageContaining("socket-inspector/scan/2").hasMessageContaining("version 1")
                .hasMessageContaining("scan/3");
    }
}
