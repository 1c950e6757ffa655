package org.socketinspector.ui.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.collect.Platforms;
import org.socketinspector.model.OsKind;
import org.socketinspector.collect.Platform;
import org.socketinspector.experiment.ProbeRecord;
import org.socketinspector.experiment.Users;
import org.socketinspector.model.Family;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.sockets.NativeSockets;
import org.socketinspector.model.SocketOption;
import org.socketinspector.store.HistoryFilter;
import org.socketinspector.ui.Fixtures;
import org.socketinspector.ui.experiments.ExperimentsViewModel.State;
import org.socketinspector.ui.experiments.ProbeViewModel.Target;

/** The probe part of the Experiments view without a window: real probes of listeners this test opens on loopback. */
class ProbeViewModelTest extends RunFixture {

    private NativeSockets sockets;
    private long listener = -1;
    private final int self = org.socketinspector.ui.Fixtures.SELF_UID;

    @AfterEach
    void closeListener() {
        if (listener >= 0) {
            sockets.close(listener);
        }
    }

    /** A TCP listener of this process on 127.0.0.1, and the row a live scan would show for it. */
    private SocketRecord listen(SocketOption... options) throws Exception {
        Assumptions.assumeTrue(Platforms.thisOs() == OsKind.LINUX, "probes of a real listener need Linux sockets here");
        sockets = org.socketinspector.ui.Fixtures.PLATFORM.sockets();
        listener = sockets.open(Protocol.TCP, Family.IPV4);
        for (SocketOption o : options) {
            sockets.setOption(listener, o, true);
        }
        sockets.bind(listener, "127.0.0.1", 0);
        sockets.listen(listener, 8);
        boolean reusePort = List.of(options).contains(SocketOption.REUSEPORT);
        boolean reuseAddr = List.of(options).contains(SocketOption.REUSEADDR);
        return new SocketRecord(Protocol.TCP, Family.IPV4, "127.0.0.1", sockets.localPort(listener), null, null,
                SocketRecord.LISTEN, null, (int) ProcessHandle.current().pid(),
                new ProcessInfo("java", null, null, Users.name(self), self, List.of()), self, null,
                new SocketOptions(reuseAddr, reusePort, null, null), null);
    }

    private void assertStillAccepts(int port) throws Exception {
        long client = sockets.open(Protocol.TCP, Family.IPV4);
        try {
            sockets.connect(client, "127.0.0.1", port);
            long accepted = sockets.accept(listener, 1000);
            assertThat(accepted).as("the service still accepts after the probe").isNotNegative();
            sockets.close(accepted);
        } finally {
            sockets.close(client);
        }
    }

    private static ProbeRecord runToEnd(ProbeViewModel model) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        model.stateProperty().addListener((o, was, now) -> {
            if (now != State.RUNNING) {
                done.countDown();
            }
        });
        assertThat(model.start(BACKGROUND, Runnable::run)).isTrue();
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(model.stateProperty().get()).as(model.messageProperty().get()).isEqualTo(State.FINISHED);
        return model.resultProperty().get();
    }

    @Test
    void aProbeFromTheTableJoinsAReuseportListenerAgreesWithTheModelAndIsStored() throws Exception {
        SocketRecord socket = listen(SocketOption.REUSEPORT);
        int port = socket.localPort();
        ProbeViewModel model = new ProbeViewModel(Fixtures.realProbes(), this::history, OsFamily.LINUX, self);
        model.prefill(socket);
        model.options().add(SocketOption.REUSEPORT);

        assertThat(model.sourceProperty().get()).contains("tcp 127.0.0.1:" + port + " of java").contains("SO_REUSEPORT");
        assertThat(model.problems()).isEmpty();
        assertThat(model.confirmation())
                .contains("create one TCP socket as " + Users.name(self) + " (uid " + self + "), the user running")
                .contains("set SO_REUSEPORT on it;")
                .contains("bind it to 127.0.0.1:" + port + ", the address and port of java (pid "
                        + ProcessHandle.current().pid() + "), and close it at once.")
                .contains("never listens and sends nothing");

        ProbeRecord r = runToEnd(model);
        assertThat(r.result().bound()).isTrue();
        assertThat(r.request().victimOptions()).containsExactly(SocketOption.REUSEPORT);
        assertThat(r.agrees()).as("the model knew the listener's options and owner").isTrue();
        assertThat(r.finding()).isEqualTo("LINUX-REUSEPORT-GROUP");
        assertThat(ProbeViewModel.verdict(r)).isEqualTo("Bound: the probe socket got 127.0.0.1:" + port + " (closed at once)");
        assertThat(ProbeViewModel.prediction(r)).startsWith("Predicted: shares — agrees with the kernel.");
        assertThat(ProbeViewModel.finding(r)).isEqualTo("Confirms LINUX-REUSEPORT-GROUP for " + Users.name(self)
                + " with SO_REUSEPORT.");
        assertThat(model.messageProperty().get()).contains("bound: confirms LINUX-REUSEPORT-GROUP")
                .contains("stored in the history as E");
        assertThat(history().count(HistoryFilter.experiments().withKind("probe"))).isEqualTo(1);
        assertStillAccepts(port);
    }

    @Test
    void aPlainProbeIsRefusedAndTheOtherFamilysLoopbackTestsTheShadow() throws Exception {
        SocketRecord socket = listen();
        int port = socket.localPort();
        ProbeViewModel model = new ProbeViewModel(Fixtures.realProbes(), this::history, OsFamily.LINUX, self);
        model.prefill(socket);

        ProbeRecord refused = runToEnd(model);
        assertThat(refused.result().error()).isEqualTo("EADDRINUSE");
        assertThat(ProbeViewModel.verdict(refused)).isEqualTo("Refused: EADDRINUSE");
        assertThat(refused.agrees()).isTrue();

        model.targetProperty().set(Target.OTHER_FAMILY_LOOPBACK);
        assertThat(model.probeAddress()).isEqualTo("::1");
        assertThat(model.confirmation()).contains("bind it to [::1]:" + port + ", the other family's loopback, next to"
                + " java (pid " + ProcessHandle.current().pid() + ") on 127.0.0.1:" + port + ", and close it at once.");
        ProbeRecord shadow = runToEnd(model);
        assertThat(shadow.result().bound()).isTrue();
        assertThat(shadow.finding()).isEqualTo("LOCALHOST-FAMILY-SHADOW");
        assertThat(history().count(HistoryFilter.experiments())).isEqualTo(2);
        assertStillAccepts(port);
    }

    @Test
    void aProbeByHandIsValidatedAndUdpSaysWhatItRisks() {
        ProbeViewModel model = new ProbeViewModel((r, c) -> {
            throw new AssertionError("must not run");
        }, this::history, OsFamily.LINUX, 1000);
        assertThat(model.problems()).containsExactly("Port: a number from 1 to 65535.");
        model.portProperty().set("70000");
        model.addressProperty().set("192.0.2.7");
        assertThat(model.problems()).anyMatch(p -> p.startsWith("Address: refusing to probe 192.0.2.7"))
                .contains("Port: a number from 1 to 65535.");
        assertThat(model.request()).isNull();
        assertThat(model.confirmation()).isNull();

        model.addressProperty().set("::1");
        model.portProperty().set("5353");
        model.protocolProperty().set(Protocol.UDP);
        assertThat(model.problems()).singleElement().asString().startsWith("UDP: a UDP probe needs an explicit opt-in");
        model.udpOptInProperty().set(true);
        assertThat(model.problems()).isEmpty();
        assertThat(model.request().victimOptions()).as("typed by hand: no prediction").isNull();
        assertThat(model.confirmation()).contains("one UDP socket").contains("bind it to [::1]:5353")
                .contains("datagrams sent to this port could reach the probe instead of the service");
        model.targetProperty().set(Target.OTHER_FAMILY_LOOPBACK);
        assertThat(model.request().probeAddress()).isEqualTo("127.0.0.1");

        assertThat(model.canChooseUser()).isFalse();
        model.userProperty().set("nobody");
        assertThat(model.problems()).containsExactly("User: only root on Linux can probe as another user.");
        assertThat(model.start(Runnable::run, Runnable::run)).isFalse();
    }

    @Test
    void theUserTableIsReadOnceNotOnEveryKeystroke(@TempDir Path dir) throws Exception {
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, "root:x:0:0::/root:/bin/sh\nalice:x:4242:4242::/home/alice:/bin/sh\n");
        ProbeViewModel model = new ProbeViewModel((r, c) -> null, this::history, OsFamily.LINUX, 0,
                Users.read(passwd));
        model.portProperty().set("8080");
        Files.delete(passwd); // a view model that re-read the file per keystroke would no longer know alice
        for (String typed : List.of("a", "al", "ali", "alic", "alice")) {
            model.userProperty().set(typed);
        }
        assertThat(model.problems()).isEmpty();
        assertThat(model.request().uid()).isEqualTo(4242);
        model.userProperty().set("bob");
        assertThat(model.problems()).singleElement().asString().startsWith("User: unknown user 'bob'");
    }

    @Test
    void eachOsOffersItsOwnOptionsAndRootMayProbeAsTheOwnerOrNobody() {
        ProbeViewModel windows = new ProbeViewModel((r, c) -> null, this::history, OsFamily.WINDOWS, 1001);
        assertThat(windows.availableOptions()).containsExactly(SocketOption.REUSEADDR, SocketOption.EXCLUSIVEADDRUSE);
        assertThat(windows.canChooseUser()).isFalse();
        windows.portProperty().set("445");
        windows.options().addAll(List.of(SocketOption.REUSEADDR, SocketOption.EXCLUSIVEADDRUSE));
        assertThat(windows.problems()).singleElement().asString().contains("exclude each other");

        ProbeViewModel linux = new ProbeViewModel((r, c) -> null, this::history, OsFamily.LINUX, 0);
        assertThat(linux.availableOptions()).containsExactly(SocketOption.REUSEADDR, SocketOption.REUSEPORT);
        SocketRecord postgres = new SocketRecord(Protocol.TCP, Family.IPV4, "127.0.0.1", 5432, null, null,
                SocketRecord.LISTEN, null, 900, new ProcessInfo("postgres", null, null, "postgres", 114, List.of()), 114,
                null, new SocketOptions(true, false, null, null), null);
        linux.prefill(postgres);
        assertThat(linux.suggestedUsers()).containsExactly("root", "postgres", "nobody");
        linux.userProperty().set("nobody");
        assertThat(linux.problems()).isEmpty();
        assertThat(linux.request().uid()).isEqualTo(Users.NOBODY);
        assertThat(linux.request().victimOptions()).containsExactly(SocketOption.REUSEADDR);
        assertThat(linux.request().victimUser()).isEqualTo("postgres");
        assertThat(linux.confirmation()).contains("as nobody (uid 65534), in a helper process started as that user")
                .contains("bind it to 127.0.0.1:5432, the address and port of postgres (pid 900)");

        // Edited by hand, the row's options no longer describe the listener: no prediction then.
        linux.portProperty().set("5433");
        assertThat(linux.request().victimOptions()).isNull();
        assertThat(linux.sourceProperty().get()).startsWith("Typed in by hand");
    }
}
