package org.socketinspector.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Protocol;

/**
 * Issue 12 items 1 and 2 as single questions: an IPv4-mapped address is the IPv4 address it maps, an IPv6-only
 * socket cannot bind one, and a first socket that left only TIME_WAIT connections. The measured matrix
 * (LinuxSemanticsMeasuredTest) checks every cell; these pin the answers people ask about, and Windows and BSD.
 */
class MappedAndTimeWaitTest {

    private static BindEndpoint e(String address, String user, BindState state, BindOption... options) {
        return new BindEndpoint(address, Set.of(options), user, state);
    }

    private static BindAnswer ask(OsFamily os, Protocol protocol, BindEndpoint first, BindEndpoint second) {
        return BindSemantics.ask(new BindQuestion(os, protocol, first, second));
    }

    @Test
    void aMappedLoopbackConflictsWithTheIpv4LoopbackBothWays() {
        for (Protocol p : Protocol.values()) {
            BindState state = p == Protocol.TCP ? BindState.LISTEN : BindState.BOUND;
            assertThat(ask(OsFamily.LINUX, p, e("::ffff:127.0.0.1", "app", state, BindOption.DUALSTACK),
                    e("127.0.0.1", "app", BindState.BOUND)).error()).isEqualTo("EADDRINUSE");
            assertThat(ask(OsFamily.LINUX, p, e("127.0.0.1", "app", state),
                    e("::ffff:127.0.0.1", "app", BindState.BOUND, BindOption.DUALSTACK)).error()).isEqualTo("EADDRINUSE");
        }
    }

    @Test
    void aMappedLoopbackSharesAndStealsLikeTheIpv4One() {
        // Two mapped sockets of one user with SO_REUSEPORT form one group, as two 127.0.0.1 sockets do.
        BindAnswer shared = ask(OsFamily.LINUX, Protocol.TCP,
                e("::ffff:127.0.0.1", "app", BindState.LISTEN, BindOption.DUALSTACK, BindOption.REUSEPORT),
                e("::ffff:127.0.0.1", "app", BindState.BOUND, BindOption.DUALSTACK, BindOption.REUSEPORT));
        assertThat(shared.outcome()).isEqualTo(Outcome.SHARES);
        // A mapped 127.0.0.1 is more specific than 0.0.0.0: it takes the traffic to 127.0.0.1.
        BindAnswer steals = ask(OsFamily.LINUX, Protocol.UDP, e("0.0.0.0", "svc", BindState.BOUND, BindOption.REUSEADDR),
                e("::ffff:127.0.0.1", "mallory", BindState.BOUND, BindOption.DUALSTACK, BindOption.REUSEADDR));
        assertThat(steals.outcome()).isEqualTo(Outcome.STEALS);
        assertThat(steals.sources()).anyMatch(s -> s.contains("__inet6_bind"));
        // An IPv4 socket beats an IPv6 (mapped) one for IPv4 traffic, whichever listened first (score +1).
        BindAnswer ipv4Wins = ask(OsFamily.LINUX, Protocol.TCP,
                e("::ffff:127.0.0.1", "app", BindState.LISTEN, BindOption.DUALSTACK, BindOption.REUSEPORT),
                e("127.0.0.1", "app", BindState.BOUND, BindOption.REUSEPORT));
        assertThat(ipv4Wins.outcome()).isEqualTo(Outcome.STEALS);
        assertThat(ipv4Wins.explanation()).contains("IPv4-mapped");
    }

    @Test
    void theMappedWildcardIsTheIpv4WildcardOnly() {
        assertThat(ask(OsFamily.LINUX, Protocol.TCP, e("::ffff:0.0.0.0", "a", BindState.LISTEN, BindOption.DUALSTACK),
                e("127.0.0.1", "a", BindState.BOUND)).error()).isEqualTo("EADDRINUSE");
        assertThat(ask(OsFamily.LINUX, Protocol.TCP, e("::ffff:0.0.0.0", "a", BindState.LISTEN, BindOption.DUALSTACK),
                e("::1", "a", BindState.BOUND)).outcome()).isEqualTo(Outcome.SEPARATE);
        assertThat(ask(OsFamily.LINUX, Protocol.TCP, e("::", "a", BindState.LISTEN, BindOption.V6ONLY),
                e("::ffff:0.0.0.0", "a", BindState.BOUND, BindOption.DUALSTACK)).outcome()).isEqualTo(Outcome.SEPARATE);
    }

    @Test
    void anIpv6OnlySocketCannotBindAMappedAddress() {
        BindAnswer a = ask(OsFamily.LINUX, Protocol.TCP, e("::1", "a", BindState.LISTEN),
                e("::ffff:127.0.0.1", "a", BindState.BOUND, BindOption.V6ONLY));
        assertThat(a.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(a.error()).isEqualTo("EINVAL");
        assertThat(a.explanation()).contains("IPv6-only");
        // Windows sockets are IPv6-only by default.
        assertThat(ask(OsFamily.WINDOWS, Protocol.TCP, e("0.0.0.0", "a", BindState.LISTEN),
                e("::ffff:127.0.0.1", "a", BindState.BOUND)).error()).isEqualTo("WSAEINVAL");
        assertThatThrownBy(() -> new BindQuestion(OsFamily.LINUX, Protocol.TCP,
                e("::ffff:127.0.0.1", "a", BindState.LISTEN, BindOption.V6ONLY), e("::1", "a", BindState.BOUND)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EINVAL");
    }

    @Test
    void mappedTextFormsAreRecognised() {
        assertThat(BoundAddress.mappedIpv4("::FFFF:127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(BoundAddress.mappedIpv4("0:0:0:0:0:ffff:10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(BoundAddress.mappedIpv4("::ffff:7f00:1")).isEqualTo("127.0.0.1");
        assertThat(BoundAddress.mappedIpv4("::1")).isNull();
        assertThat(BoundAddress.mappedIpv4("::ffff")).isNull();
    }

    @Test
    void linuxRestartOverTimeWaitNeedsTheOptionOnBothSocketsAnyUser() {
        BindEndpoint leftWithReuse = e("0.0.0.0", "svc", BindState.TIME_WAIT, BindOption.REUSEADDR);
        BindEndpoint leftWithout = e("0.0.0.0", "svc", BindState.TIME_WAIT);
        BindAnswer restart = ask(OsFamily.LINUX, Protocol.TCP, leftWithReuse,
                e("0.0.0.0", "svc", BindState.BOUND, BindOption.REUSEADDR));
        assertThat(restart.outcome()).isEqualTo(Outcome.STEALS);
        assertThat(restart.firstCanStillListen()).isNull();
        // The old server did not set SO_REUSEADDR: its TIME_WAIT connections keep that, and block the restart.
        assertThat(ask(OsFamily.LINUX, Protocol.TCP, leftWithout,
                e("0.0.0.0", "svc", BindState.BOUND, BindOption.REUSEADDR)).error()).isEqualTo("EADDRINUSE");
        // SO_REUSEPORT on both: no same-user check for TIME_WAIT.
        BindAnswer takeover = ask(OsFamily.LINUX, Protocol.TCP, e("127.0.0.1", "svc", BindState.TIME_WAIT, BindOption.REUSEPORT),
                e("127.0.0.1", "mallory", BindState.BOUND, BindOption.REUSEPORT));
        assertThat(takeover.outcome()).isEqualTo(Outcome.STEALS);
        assertThat(takeover.explanation()).contains("another user");
        // Another address does not meet the TIME_WAIT connections at all.
        assertThat(ask(OsFamily.LINUX, Protocol.TCP, e("127.0.0.1", "svc", BindState.TIME_WAIT),
                e("127.0.0.2", "svc", BindState.BOUND)).outcome()).isEqualTo(Outcome.SEPARATE);
    }

    @Test
    void windowsAndBsdRestartOverTimeWaitFromTheirSources() {
        BindEndpoint left = e("0.0.0.0", "svc", BindState.TIME_WAIT);
        BindAnswer windows = ask(OsFamily.WINDOWS, Protocol.TCP, left, e("0.0.0.0", "svc", BindState.BOUND));
        assertThat(windows.outcome()).isEqualTo(Outcome.STEALS);
        assertThat(windows.sources()).anyMatch(s -> s.contains("libuv"));
        assertThat(ask(OsFamily.WINDOWS, Protocol.TCP, e("0.0.0.0", "svc", BindState.TIME_WAIT, BindOption.EXCLUSIVEADDRUSE),
                e("0.0.0.0", "svc", BindState.BOUND, BindOption.EXCLUSIVEADDRUSE)).error()).isEqualTo("WSAEADDRINUSE");
        for (OsFamily bsd : new OsFamily[] {OsFamily.FREEBSD, OsFamily.MACOS}) {
            assertThat(ask(bsd, Protocol.TCP, left, e("0.0.0.0", "svc", BindState.BOUND)).error()).isEqualTo("EADDRINUSE");
            BindAnswer reuse = ask(bsd, Protocol.TCP, left, e("0.0.0.0", "other", BindState.BOUND, BindOption.REUSEADDR));
            assertThat(reuse.outcome()).isEqualTo(Outcome.STEALS);
            assertThat(reuse.sources()).anyMatch(s -> s.contains("TIME_WAIT"));
        }
    }

    @Test
    void aConnectedUdpSocketKeepsItsPeersDatagrams() {
        // Unconnected, the more specific newcomer would take 127.0.0.1; connected, the first keeps its peer.
        BindEndpoint connected = e("0.0.0.0", "svc", BindState.CONNECTED, BindOption.REUSEADDR);
        BindQuestion q = new BindQuestion(OsFamily.LINUX, Protocol.UDP, connected,
                e("127.0.0.1", "mallory", BindState.BOUND, BindOption.REUSEADDR));
        assertThat(BindSemantics.ask(q).outcome()).isEqualTo(Outcome.SEPARATE);
        assertThat(BindSemantics.forOs(OsFamily.LINUX).target(q)).isEqualTo("127.0.0.1");
        // connect() gave the wildcard socket the address 127.0.0.1: 127.0.0.2 no longer overlaps it.
        assertThat(ask(OsFamily.LINUX, Protocol.UDP, e("0.0.0.0", "svc", BindState.CONNECTED),
                e("127.0.0.2", "svc", BindState.BOUND)).outcome()).isEqualTo(Outcome.SEPARATE);
    }

    @Test
    void statesMustFitTheProtocol() {
        assertThatThrownBy(() -> new BindQuestion(OsFamily.LINUX, Protocol.UDP, e("0.0.0.0", "a", BindState.TIME_WAIT),
                e("0.0.0.0", "a", BindState.BOUND))).hasMessageContaining("time-wait");
        assertThatThrownBy(() -> new BindQuestion(OsFamily.LINUX, Protocol.TCP, e("0.0.0.0", "a", BindState.CONNECTED),
                e("0.0.0.0", "a", BindState.BOUND))).hasMessageContaining("connected");
        assertThat(BindState.fromWireName("time-wait")).isEqualTo(BindState.TIME_WAIT);
        assertThat(BindState.TIME_WAIT.wireName()).isEqualTo("time-wait");
        assertThatThrownBy(() -> BindState.fromWireName("closing")).hasMessageContaining("expected listen");
    }

    @Test
    void aSocketFoundOnAMappedAddressIsTakenAsBoundAndDualStack() {
        // What a scan reports: the bind proves dual-stack (an IPv6-only socket cannot bind a mapped address, and
        // IPV6_V6ONLY cannot change after bind), whatever the option read as.
        for (Boolean v6only : new Boolean[] {null, false, true}) {
            BindEndpoint found = BindEndpoint.asBound("::ffff:127.0.0.1",
                    new org.socketinspector.model.SocketOptions(true, false, null, v6only), "app", BindState.LISTEN);
            assertThat(found.address()).isEqualTo("::ffff:127.0.0.1");
            assertThat(found.options()).contains(BindOption.DUALSTACK, BindOption.REUSEADDR)
                    .doesNotContain(BindOption.V6ONLY);
            // On Windows too, where an IPv6 socket is IPv6-only by default, the question stays possible.
            assertThat(ask(OsFamily.WINDOWS, Protocol.TCP, found, e("127.0.0.1", "app", BindState.BOUND)).outcome())
                    .isEqualTo(Outcome.REFUSED);
        }
        BindEndpoint zoned = BindEndpoint.asBound("fe80::1%eth0",
                new org.socketinspector.model.SocketOptions(false, false, null, true), "app", BindState.BOUND);
        assertThat(zoned.address()).isEqualTo("fe80::1");
        assertThat(zoned.options()).containsExactly(BindOption.V6ONLY);
        assertThat(BindEndpoint.comparedAddress("::ffff:7f00:1")).isEqualTo("127.0.0.1");
        assertThat(BindEndpoint.comparedAddress("::ffff:0.0.0.0")).isEqualTo("0.0.0.0");
        assertThat(BindEndpoint.comparedAddress("::1")).isEqualTo("::1");
        assertThat(BindEndpoint.mapped("::ffff:7f00:1")).isTrue();
        assertThat(BindEndpoint.mapped("0:0:0:0:0:ffff:127.0.0.1")).isTrue();
        assertThat(BindEndpoint.mapped("::1")).isFalse();
        assertThat(BindEndpoint.mapped("127.0.0.1")).isFalse();
    }
}
