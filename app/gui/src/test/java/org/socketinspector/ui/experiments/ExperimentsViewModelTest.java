package org.socketinspector.ui.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.socketinspector.collect.Platforms;
import org.socketinspector.experiment.HelperLauncher;
import org.socketinspector.experiment.ReplayRequest;
import org.socketinspector.lesson.ReplayPreset;
import org.socketinspector.model.OsKind;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.Outcome;
import org.socketinspector.store.HistoryFilter;
import org.socketinspector.ui.Fixtures;
import org.socketinspector.ui.experiments.ExperimentsViewModel.State;

/** The Experiments view's state without a window, with real lab replays on loopback and a real history file. */
class ExperimentsViewModelTest extends RunFixture {

    @Test
    void onlyThisOsPresetsAreOfferedAndTheConfirmationSaysExactlyWhatHappens() {
        ExperimentsViewModel model = new ExperimentsViewModel(Fixtures.realReplays(), this::history, OsFamily.LINUX, 0);
        assertThat(model.presets()).isNotEmpty().allMatch(p -> p.os() == OsFamily.LINUX);
        model.presetProperty().set(model.presets().stream().filter(p -> p.name().equals("linux-udp-reuseaddr")).findFirst().orElseThrow());
        model.attemptsProperty().set(7);

        assertThat(model.confirmation())
                .contains("the victim, as root (uid 0), binds 127.0.0.1 with SO_REUSEADDR")
                .contains("the attacker, as nobody (uid 65534)")
                .contains("a free port the kernel chooses")
                .contains("sends 7 datagrams")
                .contains("Nothing leaves loopback");
        assertThat(new ExperimentsViewModel(Fixtures.realReplays(), this::history, OsFamily.WINDOWS, 0).presets())
                .allMatch(p -> p.os() == OsFamily.WINDOWS);

        model.presetProperty().set(ReplayPreset.named("linux-low-unprivileged-port-start").orElseThrow());
        assertThat(model.confirmation()).contains("inside a network namespace created for this run")
                .contains("net.ipv4.ip_unprivileged_port_start=0 set there only (this machine's own setting is not"
                        + " changed)").contains("port 80");
    }

    @Test
    void aHandedOverPresetIsSelectedAsItselfAndACustomCaseAsACase() {
        ExperimentsViewModel model = new ExperimentsViewModel(Fixtures.realReplays(), this::history, OsFamily.LINUX, 0);
        ReplayPreset control = ReplayPreset.named("plain-control").orElseThrow();
        model.useCase(ReplayRequest.of(control, 7, 0, false, 0));
        assertThat(model.presetProperty().get()).isEqualTo(control);
        assertThat(model.customProperty().get()).isNull();
        assertThat(model.attemptsProperty().get()).isEqualTo(7);

        ReplayRequest custom = new ReplayRequest("custom", OsFamily.LINUX, control.protocol(), control.victim(),
                control.attacker(), null, 3, 0, false);
        model.useCase(custom);
        assertThat(model.presetProperty().get()).isNull();
        assertThat(model.customProperty().get()).isEqualTo(custom);
    }

    @Test
    void aRealControlReplayRunsInTheBackgroundAgreesWithTheModelAndIsStored() throws Exception {
        Assumptions.assumeTrue(Platforms.thisOs() == OsKind.LINUX, "lab replays need Linux sockets here");
        ExperimentsViewModel model = new ExperimentsViewModel(Fixtures.realReplays(), this::history, OsFamily.LINUX,
                org.socketinspector.ui.Fixtures.SELF_UID);
        model.presetProperty().set(model.presets().stream().filter(p -> p.name().equals("plain-control")).findFirst().orElseThrow());
        model.attemptsProperty().set(5);
        CountDownLatch done = new CountDownLatch(1);
        model.stateProperty().addListener((o, was, now) -> {
            if (now != State.RUNNING) {
                done.countDown();
            }
        });

        assertThat(model.start(BACKGROUND, fx)).isTrue();
        assertThat(model.start(BACKGROUND, fx)).as("one run at a time").isFalse();
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();

        assertThat(model.stateProperty().get()).as(model.messageProperty().get()).isEqualTo(State.FINISHED);
        assertThat(model.resultProperty().get().result().observed()).isEqualTo(Outcome.REFUSED);
        assertThat(model.resultProperty().get().agrees()).isTrue();
        assertThat(model.messageProperty().get()).contains("stored in the history as E");
        assertThat(history().count(HistoryFilter.experiments())).isEqualTo(1);
        // The live counters followed the run event by event and end where the result ends.
        assertThat(model.toVictimProperty().get()).isEqualTo(model.resultProperty().get().result().toVictim());
        assertThat(model.toAttackerProperty().get()).isZero();
        assertThat(model.liveTimeline()).containsExactlyElementsOf(model.resultProperty().get().result().timeline());
    }

    @Test
    void cancellingARunningReplayMidwayStopsItAndLeavesNoHelper() throws Exception {
        Assumptions.assumeTrue(Platforms.thisOs() == OsKind.LINUX, "lab replays need Linux sockets here");
        ExperimentsViewModel model = new ExperimentsViewModel(Fixtures.realReplays(), this::history, OsFamily.LINUX,
                org.socketinspector.ui.Fixtures.SELF_UID);
        model.presetProperty().set(model.presets().stream().filter(p -> p.name().equals("linux-reuseport-share")).findFirst().orElseThrow());
        model.attemptsProperty().set(1000);
        CountDownLatch done = new CountDownLatch(1);
        model.stateProperty().addListener((o, was, now) -> {
            if (now != State.RUNNING) {
                done.countDown();
            }
        });
        // The live counters move during the run: cancel as soon as three connections have been counted.
        javafx.beans.InvalidationListener cancelAtThree = o -> {
            if (model.toVictimProperty().get() + model.toAttackerProperty().get() == 3) {
                model.cancel();
            }
        };
        model.toVictimProperty().addListener(cancelAtThree);
        model.toAttackerProperty().addListener(cancelAtThree);
        model.start(BACKGROUND, fx);

        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        // Cancelled mid-traffic, the replay ends its helpers and keeps what it saw so far, marked as stopped early.
        assertThat(model.stateProperty().get()).isEqualTo(State.FINISHED);
        assertThat(model.resultProperty().get().result().stopped()).contains("cancelled by the user");
        assertThat(model.messageProperty().get()).contains("stopped early");
        assertThat(model.toVictimProperty().get() + model.toAttackerProperty().get()).isBetween(3, 999);
        assertThat(HelperLauncher.livePids()).isEmpty();
    }
}
