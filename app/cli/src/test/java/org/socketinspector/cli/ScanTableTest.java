package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.ToolInfo;
import org.socketinspector.semantics.OsFamily;

class ScanTableTest {

    private static SocketRecord socket(Family family, String address, SocketOptions options) {
        return new SocketRecord(Protocol.TCP, family, address, 80, null, null, "LISTEN", null, null, null, 33, 1L,
                options, null);
    }

    @Test
    void flagsShowSetOptionsAndMarkUnknownOnes() {
        assertThat(ScanTable.flags(socket(Family.IPV4, "0.0.0.0", new SocketOptions(true, false, null, null)), OsFamily.LINUX))
                .isEqualTo("reuseaddr");
        assertThat(ScanTable.flags(socket(Family.IPV4, "0.0.0.0", new SocketOptions(false, false, null, null)), OsFamily.LINUX))
                .isEqualTo("-");
        assertThat(ScanTable.flags(socket(Family.IPV4, "0.0.0.0", SocketOptions.UNKNOWN), OsFamily.LINUX)).isEqualTo("unknown");
        assertThat(ScanTable.flags(socket(Family.IPV6, "::", new SocketOptions(false, true, null, true)), OsFamily.LINUX))
                .isEqualTo("reuseport v6only");
        // only v6only known (from sock_diag) while the owner's options could not be read
        assertThat(ScanTable.flags(socket(Family.IPV6, "::", new SocketOptions(null, null, null, false)), OsFamily.LINUX))
                .isEqualTo("reuseaddr? reuseport?");
        // Windows has no SO_REUSEPORT: only its own options are marked unknown
        assertThat(ScanTable.flags(socket(Family.IPV4, "0.0.0.0", new SocketOptions(null, null, true, null)),
                OsFamily.WINDOWS)).isEqualTo("reuseaddr? exclusiveaddruse");
    }

    @Test
    void unknownOwnerShowsQuestionMarksAndTheSocketUid() {
        Scan scan = new Scan(Scan.SCHEMA, ToolInfo.current(), new HostInfo("h", "linux", "6", 1024, false),
                Instant.EPOCH, false, List.of("netlink"), List.of(),
                List.of(socket(Family.IPV6, "::1", SocketOptions.UNKNOWN)));
        assertThat(ScanTable.render(scan, false)).isEqualTo(
                "PROTO  LOCAL     STATE   PID  PROCESS  USER  OPTIONS\n"
                        + "tcp    [::1]:80  LISTEN  ?    ?        33    unknown\n");
    }
}
