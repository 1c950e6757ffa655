package org.socketinspector.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.json.Json;
import org.socketinspector.json.ScanJson;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.ProbeResult;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.ToolInfo;

/** A Windows scan made with --probe (wildcard listener with its loopback follow-up) matches the scan schema. */
class ProbeSchemaTest {

    private static JsonNode probedScan() throws Exception {
        ProbeResult probe = new ProbeResult("0.0.0.0", "SO_REUSEADDR", false, "WSAEACCES", 10013)
                .withSpecific(new ProbeResult("127.0.0.1", "SO_REUSEADDR", true, null, 0));
        SocketRecord listener = new SocketRecord(Protocol.TCP, Family.IPV4, "0.0.0.0", 8080, null, null, "LISTEN",
                "MIB_TCP_STATE_LISTEN", 4242, new ProcessInfo("node.exe", "C:\\node\\node.exe", null, "HOST\\dev", null,
                List.of()), null, null, new SocketOptions(null, null, false, null), probe);
        Scan scan = new Scan(Scan.SCHEMA, new ToolInfo("socket-inspector", "0.1.0"),
                new HostInfo("HOST", "windows", "10.0", null, null), Instant.parse("2026-11-25T12:00:00Z"), false,
                List.of("iphlpapi", "toolhelp", "winsock-probe"), List.of(), List.of(listener));
        return Json.mapper().readTree(ScanJson.write(scan));
    }

    @Test
    void aProbeWithItsLoopbackFollowUpValidates() throws Exception {
        JsonNode scan = probedScan();
        assertThat(scan.at("/sockets/0/probe/specific/address").asText()).isEqualTo("127.0.0.1");
        assertThat(scan.at("/sockets/0/probe/specific/specific").isNull()).isTrue();
        assertThat(Schemas.errors("scan-2.schema.json", scan)).isEmpty();
    }

    @Test
    void theFollowUpIsAProbeToo() throws Exception {
        JsonNode scan = probedScan();
        ((ObjectNode) scan.at("/sockets/0/probe/specific")).put("bound", "yes");
        assertThat(Schemas.errors("scan-2.schema.json", scan)).isNotEmpty();
    }
}
