package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.sockets.NativeSockets;
import org.socketinspector.testing.RootTest;

/** Probes of a real listener of this process: bind, close, and the service still accepts afterwards. */
@EnabledOnOs(OS.LINUX)
class LiveProbeTest {

    private final NativeSockets sockets = ThisMachine.PLATFORM.sockets();
    private final LiveProbe probe = new LiveProbe(sockets, ThisMachine.PLATFORM.processes());
    private final String me = Users.name(ThisMachine.PLATFORM.processes().effectiveUid());
    private long listener = -1;

    @AfterEach
    void closeListener() {
        if (listener >= 0) {
            sockets.close(listener);
        }
    }

    private int listen(String address, SocketOption... options) throws Exception {
        return listen(address, 0, options);
    }

    /** A listener of this process on {@code address}, on {@code port} (0: any free one). */
    private int listen(String address, int port, SocketOption... options) throws Exception {
        listener = sockets.open(Protocol.TCP, Family.ofAddress(address));
        for (SocketOption o : options) {
            sockets.setOption(listener, o, true);
        }
        sockets.bind(listener, address, port);
        sockets.listen(listener, 8);
        return sockets.localPort(listener);
    }

    private void assertStillAccepts(String address, int port) throws Exception {
        long client = sockets.open(Protocol.TCP, Family.ofAddress(address));
        try {
            sockets.connect(client, address, port);
            long accepted = sockets.accept(listener, 1000);
            assertThat(accepted).as("the service still accepts after the probe").isNotNegative();
            sockets.close(accepted);
        } finally {
            sockets.close(client);
        }
    }

    private ProbeRequest tcp(String address, int port, String probeAddress, int uid, Set<SocketOption> victim, SocketOption... options) {
        return new ProbeRequest(Protocol.TCP, address, port, probeAddress, Set.of(options), uid, false, victim, me);
    }

    @Test
    void aProbeNamesOnlyAFindingOfThatSocket() throws Exception {
        int port = listen("127.0.0.1", SocketOption.REUSEPORT);
        Set<String> itsFindings = Set.of("LINUX-REUSEPORT-GROUP");
        // A plain bind of a SO_REUSEPORT listener is refused: that refutes nothing the audit said of it.
        ProbeRecord plain = probe.run(new ProbeRequest(Protocol.TCP, "127.0.0.1", port, null, Set.of(), -1, false,
                Set.of(SocketOption.REUSEPORT), me, false, itsFindings), new CancelToken());
        assertThat(plain.result().error()).isEqualTo("EADDRINUSE");
        assertThat(plain.finding()).isNull();
        assertThat(plain.confirms()).isNull();
        assertThat(plain.outcomeLine()).isEqualTo("refused EADDRINUSE: tests no finding of this socket");
        ProbeRecord join = probe.run(new ProbeRequest(Protocol.TCP, "127.0.0.1", port, null, Set.of(SocketOption.REUSEPORT),
                -1, false, Set.of(SocketOption.REUSEPORT), me, false, itsFindings), new CancelToken());
        assertThat(join.finding()).isEqualTo("LINUX-REUSEPORT-GROUP");
        assertThat(join.confirms()).isTrue();
        assertStillAccepts("127.0.0.1", port);
    }

    @Test
    void aMappedAddressIsProbedAsTheKernelSeesItAndTheProbesOwnErrorIsNoVerdict() throws Exception {
        int port = listen("127.0.0.1");
        // A dual-stack socket binding ::ffff:127.0.0.1 conflicts with the 127.0.0.1 listener (no EINVAL any more).
        ProbeRecord mapped = probe.run(tcp("127.0.0.1", port, "::ffff:127.0.0.1", -1, null), new CancelToken());
        assertThat(mapped.result().error()).isEqualTo("EADDRINUSE");
        // An IPv6-only socket cannot bind a mapped address at all (EINVAL): the probe failed, it proves nothing.
        assertThatThrownBy(() -> probe.run(tcp("127.0.0.1", port, "::ffff:127.0.0.1", -1, null, SocketOption.V6ONLY),
                new CancelToken())).isInstanceOf(ExperimentException.class)
                .hasMessageContaining("its own socket could not bind").hasMessageContaining("EINVAL")
                .hasMessageContaining("nothing stored");
        assertStillAccepts("127.0.0.1", port);
    }

    @Test
    void sameUserJoinsAReuseportListenerAndTheServiceKeepsWorking() throws Exception {
        int port = listen("127.0.0.1", SocketOption.REUSEPORT);
        ProbeRecord r = probe.run(tcp("127.0.0.1", port, null, -1, Set.of(SocketOption.REUSEPORT), SocketOption.REUSEPORT), new CancelToken());
        assertThat(r.result().bound()).isTrue();
        assertThat(r.finding()).isEqualTo("LINUX-REUSEPORT-GROUP");
        assertThat(r.confirms()).isTrue();
        assertThat(r.agrees()).isTrue();
        assertThat(r.timeline()).extracting(TimelineEvent::event).containsExactly("bind", "close");
        assertStillAccepts("127.0.0.1", port);
    }

    @RootTest
    @Test
    void anotherUidCannotJoinIt() throws Exception {
        Assumptions.assumeTrue(ThisMachine.PLATFORM.processes().effectiveUid() == 0, "needs root to probe as uid 65534");
        int port = listen("127.0.0.1", SocketOption.REUSEPORT);
        ProbeRecord r = probe.run(tcp("127.0.0.1", port, null, Users.NOBODY, Set.of(SocketOption.REUSEPORT), SocketOption.REUSEPORT),
                new CancelToken());
        assertThat(r.probeUid()).isEqualTo(Users.NOBODY);
        assertThat(r.result().error()).isEqualTo("EADDRINUSE");
        assertThat(r.confirms()).isFalse();
        assertThat(r.agrees()).isTrue();
        assertThat(r.attacker()).contains("cannot bind");
        assertStillAccepts("127.0.0.1", port);
    }

    @Test
    void reuseaddrDoesNotOpenAListenerButTheOtherFamilyIsFree() throws Exception {
        int port = listen("127.0.0.1", FreePorts.tcp()); // free on ::1 too: the probe binds it there
        ProbeRecord reuse = probe.run(tcp("127.0.0.1", port, null, -1, Set.of(), SocketOption.REUSEADDR), new CancelToken());
        assertThat(reuse.result().bound()).isFalse();
        assertThat(reuse.agrees()).isTrue();
        ProbeRecord shadow = probe.run(tcp("127.0.0.1", port, "::1", -1, Set.of()), new CancelToken());
        assertThat(shadow.result().bound()).isTrue();
        assertThat(shadow.finding()).isEqualTo("LOCALHOST-FAMILY-SHADOW");
        assertThat(shadow.confirms()).isTrue();
        assertStillAccepts("127.0.0.1", port);
    }

    @RootTest
    @Test
    void aSocketBoundWithReuseaddrButNotListeningCanBeCoBoundByAnotherUser() throws Exception {
        Assumptions.assumeTrue(ThisMachine.PLATFORM.processes().effectiveUid() == 0, "needs root to probe as uid 65534");
        listener = sockets.open(Protocol.TCP, Family.IPV4);
        sockets.setOption(listener, SocketOption.REUSEADDR, true);
        sockets.bind(listener, "127.0.0.1", 0);
        int port = sockets.localPort(listener);
        ProbeRequest request = new ProbeRequest(Protocol.TCP, "127.0.0.1", port, null, Set.of(SocketOption.REUSEADDR),
                Users.NOBODY, false, Set.of(SocketOption.REUSEADDR), me, true);

        ProbeRecord r = probe.run(request, new CancelToken());

        assertThat(r.result().bound()).as("another uid co-binds a bound-only SO_REUSEADDR socket").isTrue();
        assertThat(r.finding()).isEqualTo("TCP-BOUND-REUSEADDR");
        assertThat(r.confirms()).isTrue();
        assertThat(r.prediction().outcome()).isNotEqualTo(org.socketinspector.semantics.Outcome.REFUSED);
        assertThat(r.agrees()).isTrue();
        assertThat(r.attacker()).contains("by listening first, make its listen() fail");
        // The probe never listened: the owner can still listen and serve.
        sockets.listen(listener, 8);
        assertStillAccepts("127.0.0.1", port);

        ProbeRequest listening = new ProbeRequest(Protocol.TCP, "127.0.0.1", port, null, Set.of(SocketOption.REUSEADDR),
                Users.NOBODY, false, Set.of(SocketOption.REUSEADDR), me);
        ProbeRecord refused = probe.run(listening, new CancelToken());
        assertThat(refused.result().error()).as("once it listens, SO_REUSEADDR no longer opens it").isEqualTo("EADDRINUSE");
        assertThat(refused.agrees()).isTrue();
        assertThat(refused.finding()).as("a plain co-bind of a listener tests no finding of it").isNull();
    }

    @Test
    void udpNeedsAnOptInAndForeignAddressesAreRefused() {
        assertThatThrownBy(() -> probe.run(new ProbeRequest(Protocol.UDP, "127.0.0.1", 5353, null,
                Set.of(SocketOption.REUSEADDR), -1, false, null, null), new CancelToken())).hasMessageContaining("opt-in");
        assertThatThrownBy(() -> probe.run(tcp("192.0.2.7", 80, null, -1, null), new CancelToken()))
                .hasMessageContaining("refusing to probe 192.0.2.7");
        assertThatThrownBy(() -> probe.run(tcp("localhost", 80, null, -1, null), new CancelToken()))
                .hasMessageContaining("never resolved");
    }

    @Test
    void udpProbeWithOptInCoBindsAReuseaddrService() throws Exception {
        listener = sockets.open(Protocol.UDP, Family.IPV4);
        sockets.setOption(listener, SocketOption.REUSEADDR, true);
        sockets.bind(listener, "127.0.0.1", 0);
        int port = sockets.localPort(listener);
        ProbeRecord r = probe.run(new ProbeRequest(Protocol.UDP, "127.0.0.1", port, null, Set.of(SocketOption.REUSEADDR),
                -1, true, Set.of(SocketOption.REUSEADDR), me), new CancelToken());
        assertThat(r.result().bound()).isTrue();
        assertThat(r.finding()).isEqualTo("LINUX-UDP-REUSEADDR");
        assertThat(r.agrees()).isTrue();
    }

    @RootTest
    @Test
    void aPrivilegedPortRefusesAnotherUserWithEaccesAsTheModelSays() throws Exception {
        Assumptions.assumeTrue(ThisMachine.PLATFORM.processes().effectiveUid() == 0, "needs root to listen below 1024 and probe as 65534");
        int port = -1;
        for (int candidate = 1023; candidate > 900 && port < 0; candidate--) {
            listener = sockets.open(Protocol.TCP, Family.IPV4);
            try {
                sockets.bind(listener, "127.0.0.1", candidate);
                sockets.listen(listener, 8);
                port = candidate;
            } catch (org.socketinspector.sockets.NativeSocketException busy) {
                sockets.close(listener);
                listener = -1;
            }
        }
        Assumptions.assumeTrue(port > 0, "no free port between 901 and 1023");
        ProbeRecord r = probe.run(tcp("127.0.0.1", port, "::1", Users.NOBODY, Set.of()), new CancelToken());
        assertThat(r.result().error()).isEqualTo("EACCES");
        assertThat(r.prediction().error()).isEqualTo("EACCES");
        assertThat(r.agrees()).isTrue();
        assertStillAccepts("127.0.0.1", port);
    }
}
