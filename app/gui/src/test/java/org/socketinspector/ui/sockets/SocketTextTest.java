package org.socketinspector.ui.sockets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.semantics.OsFamily;

class SocketTextTest {

    private static SocketRecord socket(Family family, SocketOptions options) {
        return new SocketRecord(Protocol.TCP, family, family == Family.IPV6 ? "::" : "0.0.0.0", 80, null, null,
                "LISTEN", null, null, null, 33, 1L, options, null);
    }

    @Test
    void flagsAreTheOneTextFormAndCountIpv6OnlyAsAnOption() {
        assertThat(SocketText.flags(socket(Family.IPV4, SocketOptions.UNKNOWN), OsFamily.LINUX)).isEqualTo("unknown");
        assertThat(SocketText.flags(socket(Family.IPV4, new SocketOptions(false, false, null, null)), OsFamily.LINUX))
                .isEqualTo("-");
        assertThat(SocketText.flags(socket(Family.IPV6, new SocketOptions(true, null, null, true)), OsFamily.LINUX))
                .isEqualTo("reuseaddr reuseport? v6only");
        // IPV6_V6ONLY is known (sock_diag) although the reuse options are not: the GUI says so, as the CLI does
        assertThat(SocketText.flags(socket(Family.IPV6, new SocketOptions(null, null, null, false)), OsFamily.LINUX))
                .isEqualTo("reuseaddr? reuseport?");
        assertThat(SocketText.flags(socket(Family.IPV4, new SocketOptions(null, null, true, null)), OsFamily.WINDOWS))
                .isEqualTo("reuseaddr? exclusiveaddruse");
    }

    @Test
    void endpointsSortNumericallyIpv4BeforeIpv6ThenByPort() {
        List<String> sorted = Stream.of(
                        new String[] {"::1", "80"}, new String[] {"127.0.0.1", "8080"}, new String[] {"10.0.0.2", "22"},
                        new String[] {"127.0.0.1", "80"}, new String[] {"9.1.1.1", "22"}, new String[] {"::", "22"})
                .sorted(java.util.Comparator.comparing(a -> SocketText.endpointSortKey(a[0], Integer.parseInt(a[1]))))
                .map(a -> a[0] + " " + a[1]).toList();
        assertThat(sorted).containsExactly("9.1.1.1 22", "10.0.0.2 22", "127.0.0.1 80", "127.0.0.1 8080", ":: 22", "::1 80");
    }

    @Test
    void onlyIpLiteralsParseAndNothingIsLookedUp() {
        assertThat(SocketText.literalBytes("127.0.0.1")).containsExactly(127, 0, 0, 1);
        assertThat(SocketText.literalBytes("::1")).hasSize(16);
        assertThat(SocketText.literalBytes("localhost")).isNull();
        assertThat(SocketText.literalBytes("999.1.1.1")).isNull();
        assertThat(SocketText.literalBytes("1.2.3")).isNull();
        assertThat(SocketText.literalBytes("fe80::zz")).isNull();
        assertThat(SocketText.literalBytes("")).isNull();
    }
}
