package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.socketinspector.lesson.ReplayPreset;
import org.socketinspector.lesson.SocketSpec;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.Outcome;
import org.socketinspector.testing.RootTest;

/** Every Linux preset replayed with helper processes; the observation must agree with the model. */
@EnabledOnOs(OS.LINUX)
class LabReplayTest {

    private final LabReplay replay = new LabReplay(ThisMachine.PLATFORM.sockets(), ThisMachine.PLATFORM.processes());
    private final int self = ThisMachine.PLATFORM.processes().effectiveUid();

    private ReplayResult run(String preset, int attempts, boolean namespace) throws ExperimentException {
        return replay.run(ReplayRequest.of(ReplayPreset.named(preset).orElseThrow(), attempts, 0, namespace, self),
                new CancelToken());
    }

    @Test
    void plainControlShowsNoTheft() throws Exception {
        ReplayResult r = run("plain-control", 5, false);
        assertThat(r.result().observed()).isEqualTo(Outcome.REFUSED);
        assertThat(r.result().toAttacker()).isZero();
        assertThat(r.agrees()).isTrue();
        assertThat(r.result().timeline()).anySatisfy(e -> assertThat(e.detail()).contains("EADDRINUSE"));
    }

    @Test
    void reuseportSameUserShares() throws Exception {
        ReplayResult r = run("linux-reuseport-share", 20, false);
        assertThat(r.expected()).isEqualTo(Outcome.SHARES);
        assertThat(r.result().toVictim()).isPositive();
        assertThat(r.result().toAttacker()).isPositive();
        assertThat(r.result().toVictim() + r.result().toAttacker()).isEqualTo(20);
        assertThat(r.agrees()).isTrue();
        assertThat(r.result().timeline()).filteredOn(e -> e.event().equals("accepted")).hasSize(20);
    }

    @RootTest
    @Test
    void udpReuseaddrCoBindAndFamilyShadowTakeTheTraffic() throws Exception {
        Assumptions.assumeTrue(self == 0, "needs root: the attacker runs as uid 65534");
        ReplayResult udp = run("linux-udp-reuseaddr", 10, false);
        assertThat(udp.attackerUid()).isEqualTo(65534);
        assertThat(udp.result().toAttacker()).isEqualTo(10);
        assertThat(udp.agrees()).isTrue();

        ReplayResult shadow = run("localhost-family-shadow", 10, false);
        assertThat(shadow.result().target()).isEqualTo("::1");
        assertThat(shadow.result().toAttacker()).isEqualTo(10);
        assertThat(shadow.agrees()).isTrue();
    }

    @Test
    void specificOverWildcardIsRefusedOnLinuxUnlessBothSetReuseport() throws Exception {
        ReplayResult plain = run("specific-over-wildcard", 5, false);
        assertThat(plain.result().observed()).isEqualTo(Outcome.REFUSED);
        assertThat(plain.agrees()).isTrue();
        ReplayResult reuseport = run("specific-over-wildcard-reuseport", 10, false);
        assertThat(reuseport.result().observed()).isEqualTo(Outcome.STEALS);
        assertThat(reuseport.result().toAttacker()).isEqualTo(10);
        assertThat(reuseport.agrees()).isTrue();
    }

    @RootTest
    @Test
    void insideItsOwnNamespaceAndDeletesIt() throws Exception {
        Assumptions.assumeTrue(self == 0, "needs root to create a network namespace");
        ReplayResult r = run("linux-reuseport-share", 10, true);
        assertThat(r.namespace()).startsWith("si-" + ProcessHandle.current().pid() + "-");
        assertThat(r.result().toVictim() + r.result().toAttacker()).isEqualTo(10);
        Process list = new ProcessBuilder("ip", "netns", "list").start();
        assertThat(new String(list.getInputStream().readAllBytes())).doesNotContain(r.namespace());
        assertThat(HelperLauncher.livePids()).isEmpty();
    }

    @Test
    void windowsPresetsSayWhereTheyRun() {
        assertThatThrownBy(() -> run("windows-reuseaddr-shared", 5, false))
                .hasMessageContaining("runs only there").hasMessageContaining("linux");
    }

    @Test
    void refusesAddressesOutsideLoopbackAndUnboundedCounts() {
        SocketSpec lan = new SocketSpec("192.168.1.10", Set.of(), -1, true);
        SocketSpec local = new SocketSpec("127.0.0.1", Set.of(SocketOption.REUSEPORT), -1, true);
        assertThatThrownBy(() -> replay.run(new ReplayRequest("custom", OsFamily.LINUX, Protocol.TCP, lan, local,
                null, 5, 0, false), new CancelToken())).hasMessageContaining("refusing address 192.168.1.10");
        assertThatThrownBy(() -> replay.run(new ReplayRequest("custom", OsFamily.LINUX, Protocol.TCP, local, local,
                "10.0.0.1", 5, 0, false), new CancelToken())).hasMessageContaining("only to loopback");
        assertThatThrownBy(() -> replay.run(new ReplayRequest("custom", OsFamily.LINUX, Protocol.TCP, local, local,
                null, Limits.MAX_ATTEMPTS + 1, 0, false), new CancelToken())).hasMessageContaining("outside 1..1000");
        assertThatThrownBy(() -> replay.run(new ReplayRequest("custom", OsFamily.LINUX, Protocol.TCP,
                new SocketSpec("example.com", Set.of(), -1, true), local, null, 5, 0, false), new CancelToken()))
                .hasMessageContaining("never resolved");
    }

    @Test
    void cancelStopsBetweenStepsAndLeavesNoHelper() {
        CancelToken cancel = new CancelToken();
        cancel.cancel("test");
        assertThatThrownBy(() -> replay.run(ReplayRequest.of(ReplayPreset.named("linux-reuseport-share").orElseThrow(),
                100, 0, false, self), cancel)).isInstanceOf(CancelToken.CancelledException.class);
        assertThat(HelperLauncher.livePids()).isEmpty();
    }

    @Test
    void cancelMidRunEndsWithinOneStepAndKeepsWhatWasSeen() throws Exception {
        // Every datagram goes to 127.0.0.2 where nobody listens, so the run would take 100 x 0.5 s.
        SocketSpec victim = new SocketSpec("127.0.0.1", Set.of(), -1, true);
        SocketSpec attacker = new SocketSpec("::1", Set.of(), -1, true);
        CancelToken cancel = new CancelToken();
        java.util.concurrent.atomic.AtomicInteger lost = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CompletableFuture<ReplayResult> outcome = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return replay.run(new ReplayRequest("custom", OsFamily.LINUX, Protocol.UDP, victim, attacker,
                        "127.0.0.2", 100, 0, false), cancel, e -> {
                            if (e.event().equals("lost")) {
                                lost.incrementAndGet();
                            }
                        });
            } catch (ExperimentException e) {
                throw new IllegalStateException(e);
            }
        });
        // Cancel once the run is under way (the helpers may take seconds to start on a loaded machine).
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (lost.get() < 2 && !outcome.isDone() && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(lost.get()).as("datagrams lost before the cancel").isGreaterThanOrEqualTo(2);
        long cancelledAt = System.nanoTime();
        cancel.cancel("test");
        int seenAtCancel = lost.get(); // read after the cancel: no datagram is sent after this point but the one in flight
        ReplayResult r = outcome.get(60, java.util.concurrent.TimeUnit.SECONDS);
        // Within one step: at most the datagram in flight when the cancel came is still waited for (0.5 s);
        // the time bound only has to be far below the 49 s the remaining datagrams would take.
        assertThat(r.result().attempts()).as("attempts, %d seen at the cancel", seenAtCancel)
                .isBetween(seenAtCancel, seenAtCancel + 1);
        assertThat((System.nanoTime() - cancelledAt) / 1_000_000).as("ms from cancel to end").isLessThan(15_000);
        assertThat(r.result().stopped()).isEqualTo("cancelled: test");
        assertThat(r.result().lost()).isEqualTo(r.result().attempts());
        assertThat(r.ended()).isNull();
        assertThat(r.agrees()).isNull();
        assertThat(r.outcomeLine()).startsWith("stopped early (cancelled: test)");
        assertThat(r.result().timeline()).anySatisfy(e -> assertThat(e.event()).isEqualTo("stopped"));
        assertThat(HelperLauncher.livePids()).isEmpty();
    }
}
