package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Where experiments may bind and send, and how long and how much they may run. */
class SafetyLimitsTest {

    @Test
    void labSocketsUseLoopbackOrTheWildcardOnly() throws Exception {
        assertThat(AddressPolicy.requireLab("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(AddressPolicy.requireLab("127.0.0.2")).isEqualTo("127.0.0.2");
        assertThat(AddressPolicy.requireLab("[::1]")).isEqualTo("::1");
        assertThat(AddressPolicy.requireLab("0:0:0:0:0:0:0:0")).isEqualTo("::");
        assertThat(AddressPolicy.requireLab("0.0.0.0")).isEqualTo("0.0.0.0");
        assertThatThrownBy(() -> AddressPolicy.requireLab("10.1.2.3")).hasMessageContaining("refusing address 10.1.2.3");
        assertThatThrownBy(() -> AddressPolicy.requireLab("2001:db8::1")).hasMessageContaining("refusing");
        assertThatThrownBy(() -> AddressPolicy.requireLab("localhost")).hasMessageContaining("never resolved");
    }

    @Test
    void trafficGoesToLoopbackOnly() throws Exception {
        assertThat(AddressPolicy.requireDestination("::1")).isEqualTo("::1");
        assertThatThrownBy(() -> AddressPolicy.requireDestination("0.0.0.0")).hasMessageContaining("only to loopback");
        assertThatThrownBy(() -> AddressPolicy.requireDestination("8.8.8.8")).hasMessageContaining("only to loopback");
    }

    @Test
    void aProbeMayAlsoTargetThisMachinesOwnAddresses() throws Exception {
        assertThatThrownBy(() -> AddressPolicy.requireProbeTarget("192.0.2.1")).hasMessageContaining("not loopback");
        InetAddress own = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && a.getHostAddress().indexOf('%') < 0).findFirst().orElse(null);
        Assumptions.assumeTrue(own != null, "this machine has no non-loopback address");
        assertThat(AddressPolicy.requireProbeTarget(own.getHostAddress())).isNotEmpty();
    }

    @Test
    void countsAndDurationsHaveHardMaximums() throws Exception {
        assertThat(Limits.attempts(Limits.DEFAULT_ATTEMPTS)).isEqualTo(20);
        assertThatThrownBy(() -> Limits.attempts(0)).hasMessageContaining("outside 1..1000");
        assertThatThrownBy(() -> Limits.attempts(1001)).hasMessageContaining("outside 1..1000");
        assertThatThrownBy(() -> Limits.duration(Duration.ofMinutes(11))).hasMessageContaining("outside 1..600 s");
        assertThat(Limits.duration(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aCancelTokenStopsOnCancelAndOnItsDeadline() throws Exception {
        CancelToken token = new CancelToken();
        token.check();
        token.cancel("user");
        assertThatThrownBy(token::check).hasMessage("cancelled: user");
        CancelToken timed = new CancelToken().withDeadline(Duration.ofMillis(1));
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!timed.isCancelled() && System.nanoTime() < giveUp) {
            Thread.onSpinWait();
        }
        assertThat(timed.isCancelled()).isTrue();
        assertThatThrownBy(timed::check).hasMessageContaining("time limit");
    }
}
