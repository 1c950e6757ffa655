package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.socketinspector.lesson.SocketSpec;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.BindState;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.Outcome;
import org.socketinspector.testing.RootTest;

/** Real sockets, in this process and in helper processes: who gets the traffic is counted, not assumed. */
@EnabledOnOs(OS.LINUX)
class EncounterTest {

    private static final CancelToken NONE = new CancelToken();

    /** An encounter aimed where the Linux model says the traffic of these two sockets goes. */
    private static Encounter encounter(Protocol protocol, SocketSpec first, SocketSpec second) {
        return new Encounter(protocol, first, second, BindSemantics.forOs(OsFamily.LINUX)
                .target(Prediction.question(OsFamily.LINUX, protocol, first, second, 0, null)));
    }

    private static SocketSpec spec(String address, boolean listen, SocketOption... options) {
        return new SocketSpec(address, Set.of(options), -1, listen);
    }

    @Test
    void plainSecondBindOnAListenerIsRefused() throws Exception {
        try (LocalSide side = new LocalSide(ThisMachine.PLATFORM.sockets(), ThisMachine.SELF_UID)) {
            EncounterResult r = encounter(Protocol.TCP, spec("127.0.0.1", true), spec("127.0.0.1", true))
                    .run(side, side, side, "plain", 0, 5, NONE);
            assertThat(r.observed()).isEqualTo(Outcome.REFUSED);
            assertThat(r.secondBindError()).isEqualTo("EADDRINUSE");
            assertThat(r.timeline()).extracting(TimelineEvent::event).contains("bind", "listen");
        }
    }

    @Test
    void sameUserReuseportSharesTheConnections() throws Exception {
        try (LocalSide side = new LocalSide(ThisMachine.PLATFORM.sockets(), ThisMachine.SELF_UID)) {
            EncounterResult r = encounter(Protocol.TCP, spec("127.0.0.1", true, SocketOption.REUSEPORT),
                    spec("127.0.0.1", true, SocketOption.REUSEPORT)).run(side, side, side, "share", 0, 20, NONE);
            assertThat(r.observed()).isEqualTo(Outcome.SHARES);
            assertThat(r.toVictim() + r.toAttacker()).isEqualTo(20);
            assertThat(r.toVictim()).isPositive();
            assertThat(r.toAttacker()).isPositive();
        }
    }

    /** A restart over TIME_WAIT: both set SO_REUSEADDR, so the new socket binds at once and gets the clients. */
    @Test
    void aRestartOverTimeWaitNeedsReuseaddrOnBothSockets() throws Exception {
        try (LocalSide side = new LocalSide(ThisMachine.PLATFORM.sockets(), ThisMachine.SELF_UID)) {
            SocketSpec server = spec("127.0.0.1", false, SocketOption.REUSEADDR);
            EncounterResult restart = new Encounter(Protocol.TCP, server, spec("127.0.0.1", true, SocketOption.REUSEADDR),
                    "127.0.0.1", BindState.TIME_WAIT).run(side, side, side, "restart", 0, 4, NONE);
            assertThat(restart.secondBindError()).isNull();
            assertThat(restart.observed()).isEqualTo(Outcome.STEALS);
            assertThat(restart.toAttacker()).isEqualTo(4);
            assertThat(restart.timeline()).extracting(TimelineEvent::event).contains("time-wait");

            // The same restart without SO_REUSEADDR on the old server: its TIME_WAIT connection blocks the port.
            EncounterResult blocked = new Encounter(Protocol.TCP, spec("127.0.0.1", false),
                    spec("127.0.0.1", true, SocketOption.REUSEADDR), "127.0.0.1", BindState.TIME_WAIT)
                    .run(side, side, side, "blocked", 0, 4, NONE);
            assertThat(blocked.secondBindError()).isEqualTo("EADDRINUSE");
            assertThat(blocked.firstCouldStillListen()).isNull();
        }
    }

    /** A UDP victim connected to the client keeps the client's datagrams though a more specific socket binds. */
    @Test
    void aConnectedUdpVictimKeepsItsPeer() throws Exception {
        try (LocalSide side = new LocalSide(ThisMachine.PLATFORM.sockets(), ThisMachine.SELF_UID)) {
            EncounterResult r = new Encounter(Protocol.UDP, spec("0.0.0.0", false, SocketOption.REUSEADDR),
                    spec("127.0.0.1", false, SocketOption.REUSEADDR), "127.0.0.1", BindState.CONNECTED)
                    .run(side, side, side, "connected", 0, 6, NONE);
            assertThat(r.secondBindError()).isNull();
            assertThat(r.toVictim()).isEqualTo(6);
            assertThat(r.observed()).isEqualTo(Outcome.SEPARATE);
            // Unconnected, the more specific newcomer takes them all.
            EncounterResult unconnected = new Encounter(Protocol.UDP, spec("0.0.0.0", false, SocketOption.REUSEADDR),
                    spec("127.0.0.1", false, SocketOption.REUSEADDR), "127.0.0.1", BindState.BOUND)
                    .run(side, side, side, "unconnected", 0, 6, NONE);
            assertThat(unconnected.observed()).isEqualTo(Outcome.STEALS);
        }
    }

    /** A dual-stack socket on ::ffff:127.0.0.1 conflicts with 127.0.0.1 (the native sockaddr stays IPv6). */
    @Test
    void aMappedBindIsTheIpv4Bind() throws Exception {
        try (LocalSide side = new LocalSide(ThisMachine.PLATFORM.sockets(), ThisMachine.SELF_UID)) {
            EncounterResult r = encounter(Protocol.TCP, spec("::ffff:127.0.0.1", true), spec("127.0.0.1", true))
                    .run(side, side, side, "mapped", 0, 3, NONE);
            assertThat(r.secondBindError()).isEqualTo("EADDRINUSE");
            EncounterResult v6only = encounter(Protocol.TCP, spec("::1", true),
                    spec("::ffff:127.0.0.1", true, SocketOption.V6ONLY)).run(side, side, side, "v6only", 0, 3, NONE);
            assertThat(v6only.secondBindError()).isEqualTo("EINVAL");
        }
    }

    @Test
    void familyShadowTakesNothingSentToTheVictimsAddress() throws Exception {
        try (LocalSide side = new LocalSide(ThisMachine.PLATFORM.sockets(), ThisMachine.SELF_UID)) {
            EncounterResult r = encounter(Protocol.TCP, spec("127.0.0.1", true), spec("::1", true))
                    .run(side, side, side, "shadow", 0, 3, NONE);
            assertThat(r.observed()).isEqualTo(Outcome.SEPARATE);
            assertThat(r.target()).isEqualTo("127.0.0.1");
            assertThat(r.toVictim()).isEqualTo(3);
        }
    }

    @RootTest
    @Test
    void helperUnderUid65534CannotJoinARootReuseportGroupButCoBindsUdpReuseaddr() throws Exception {
        Assumptions.assumeTrue(ThisMachine.PLATFORM.processes().effectiveUid() == 0, "needs root to start a helper as uid 65534");
        try (LocalSide root = new LocalSide(ThisMachine.PLATFORM.sockets(), ThisMachine.SELF_UID); HelperSide nobody = new HelperLauncher(ThisMachine.PLATFORM.processes()).start(65534, null)) {
            assertThat(nobody.uid()).isEqualTo(65534);
            EncounterResult tcp = encounter(Protocol.TCP, spec("127.0.0.1", true, SocketOption.REUSEPORT),
                    spec("127.0.0.1", true, SocketOption.REUSEPORT)).run(root, nobody, root, "uid", 0, 3, NONE);
            assertThat(tcp.secondBindError()).isEqualTo("EADDRINUSE");

            EncounterResult udp = encounter(Protocol.UDP, spec("127.0.0.1", false, SocketOption.REUSEADDR),
                    spec("127.0.0.1", false, SocketOption.REUSEADDR)).run(root, nobody, root, "udp", 0, 10, NONE);
            assertThat(udp.secondBindError()).isNull();
            assertThat(udp.toVictim() + udp.toAttacker()).isEqualTo(10);
            assertThat(udp.observed()).isIn(Outcome.STEALS, Outcome.SHARES);
        }
        assertThat(HelperLauncher.livePids()).isEmpty();
    }
}
