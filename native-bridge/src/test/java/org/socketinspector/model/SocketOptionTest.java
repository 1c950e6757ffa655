package org.socketinspector.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SocketOptionTest {

    private static final List<SocketOption> LINUX_V6 = List.of(SocketOption.REUSEADDR, SocketOption.REUSEPORT,
            SocketOption.V6ONLY);

    @Test
    void eachOptionReadsItsOwnFieldOfTheScannedOptions() {
        SocketOptions o = new SocketOptions(true, false, null, true);
        assertThat(o.get(SocketOption.REUSEADDR)).isTrue();
        assertThat(o.get(SocketOption.REUSEPORT)).isFalse();
        assertThat(o.get(SocketOption.EXCLUSIVEADDRUSE)).isNull();
        assertThat(o.get(SocketOption.V6ONLY)).isTrue();
        assertThat(o.enabled()).containsExactly(SocketOption.REUSEADDR, SocketOption.V6ONLY);
        assertThat(o.knows(List.of(SocketOption.REUSEADDR, SocketOption.REUSEPORT))).isTrue();
        assertThat(o.knows(List.of(SocketOption.EXCLUSIVEADDRUSE))).isFalse();
        assertThat(SocketOptions.exactly(Set.of(SocketOption.REUSEPORT)))
                .isEqualTo(new SocketOptions(false, true, false, false));
    }

    @Test
    void wireAndConstantNamesRoundTrip() {
        for (SocketOption o : SocketOption.values()) {
            assertThat(SocketOption.fromWireName(" " + o.wireName().toUpperCase() + " ")).isEqualTo(o);
            assertThat(SocketOption.fromConstantName(o.constantName())).isEqualTo(o);
        }
        assertThat(SocketOption.V6ONLY.constantName()).isEqualTo("IPV6_V6ONLY");
        assertThatThrownBy(() -> SocketOption.fromWireName("foo")).hasMessage(
                "unknown option 'foo' (expected reuseaddr, reuseport, exclusiveaddruse or v6only)");
    }

    @Test
    void constantNamesAreTheProbeContractsForm() {
        assertThat(SocketOption.constantNames(EnumSet.of(SocketOption.V6ONLY, SocketOption.REUSEADDR)))
                .isEqualTo("SO_REUSEADDR,IPV6_V6ONLY");
        assertThat(SocketOption.constantNames(Set.of())).isEqualTo("none");
        assertThat(SocketOption.parseConstantNames("SO_REUSEADDR,IPV6_V6ONLY"))
                .containsExactly(SocketOption.REUSEADDR, SocketOption.V6ONLY);
        // what experiment records stored before one vocabulary: '+' and the misnamed SO_V6ONLY
        assertThat(SocketOption.parseConstantNames("SO_REUSEADDR+SO_V6ONLY"))
                .containsExactly(SocketOption.REUSEADDR, SocketOption.V6ONLY);
        assertThat(SocketOption.parseConstantNames("none")).isEmpty();
        ProbeResult probe = new ProbeResult("::1", EnumSet.of(SocketOption.REUSEADDR, SocketOption.V6ONLY), true,
                null, 0);
        assertThat(probe.options()).isEqualTo("SO_REUSEADDR,IPV6_V6ONLY");
        assertThat(probe.optionSet()).containsExactly(SocketOption.REUSEADDR, SocketOption.V6ONLY);
    }

    @Test
    void oneTextFormSaysUnknownOnlyForWhatIsUnknown() {
        assertThat(new SocketOptions(true, true, null, false).text(LINUX_V6)).isEqualTo("reuseaddr reuseport");
        assertThat(new SocketOptions(false, false, null, false).text(LINUX_V6)).isEqualTo("-");
        assertThat(SocketOptions.UNKNOWN.text(LINUX_V6)).isEqualTo("unknown");
        // IPV6_V6ONLY known from sock_diag while the reuse options could not be read: not "unknown"
        assertThat(new SocketOptions(null, null, null, true).text(LINUX_V6)).isEqualTo("reuseaddr? reuseport? v6only");
        assertThat(new SocketOptions(null, null, null, false).text(LINUX_V6)).isEqualTo("reuseaddr? reuseport?");
        // an option that is on is shown even where it is not expected
        assertThat(new SocketOptions(null, null, true, null).text(List.of(SocketOption.REUSEADDR)))
                .isEqualTo("reuseaddr? exclusiveaddruse");
    }
}
