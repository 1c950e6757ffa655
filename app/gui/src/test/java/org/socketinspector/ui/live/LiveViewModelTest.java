package org.socketinspector.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.collect.CollectionException;
import org.socketinspector.collect.ScanRequest;
import org.socketinspector.rules.Audit;
import org.socketinspector.ui.Fixtures;

/** The live view's scan loop without a window: requests follow the toggles, failures keep the last good rows. */
class LiveViewModelTest {

    private final List<ScanRequest> asked = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();
    private static final java.util.concurrent.ScheduledExecutorService BACKGROUND = org.socketinspector.ui.common.UiThreads.pool("test-live");
    private final LiveViewModel model = new LiveViewModel(request -> {
        asked.add(request);
        Object next = answers.removeFirst();
        if (next instanceof CollectionException e) {
            throw e;
        }
        return (Audit) next;
    }, BACKGROUND);

    @Test
    void togglesChooseTheScanRequest() {
        answers.add(Fixtures.listeners(1, "LISTEN"));
        model.allConnectionsProperty().set(true);
        model.scanOnce();
        assertThat(asked).containsExactly(ScanRequest.ALL);
        model.probeProperty().set(true);
        assertThat(model.request()).isEqualTo(new ScanRequest(true, true, false));
    }

    @Test
    void aFailedScanKeepsTheLastRowsAndSaysSoUntilTheNextSuccess() {
        answers.add(Fixtures.listeners(3, "LISTEN"));
        answers.add(new CollectionException("netlink: permission denied"));
        answers.add(Fixtures.listeners(2, "LISTEN"));

        model.scanOnce();
        model.scanOnce();
        assertThat(model.sockets().rows()).hasSize(3);
        assertThat(model.errorProperty().get()).contains("netlink: permission denied").contains("last good scan");

        model.scanOnce();
        assertThat(model.sockets().rows()).hasSize(2);
        assertThat(model.errorProperty().get()).isNull();
    }

    @Test
    void aResultForTogglesChangedMeanwhileIsDropped() {
        List<Runnable> pending = new ArrayList<>();
        LiveViewModel slow = new LiveViewModel(request -> Fixtures.listeners(request.includeConnections() ? 7 : 3, "LISTEN"), BACKGROUND);
        slow.start(pending::add);
        slow.stop();
        pending.clear();

        slow.scanOnce();
        slow.allConnectionsProperty().set(true);
        pending.forEach(Runnable::run);
        assertThat(slow.sockets().rows()).isEmpty();

        pending.clear();
        slow.scanOnce();
        pending.forEach(Runnable::run);
        assertThat(slow.sockets().rows()).hasSize(7);
    }

    @Test
    void startScansPeriodicallyOnTheGivenExecutorUntilStopped() throws Exception {
        List<String> threads = java.util.Collections.synchronizedList(new ArrayList<>());
        LiveViewModel live = new LiveViewModel(request -> {
            threads.add(Thread.currentThread().getName());
            return Fixtures.listeners(1, "LISTEN");
        }, BACKGROUND);
        java.util.concurrent.CountDownLatch shown = new java.util.concurrent.CountDownLatch(1);
        live.start(r -> {
            r.run();
            shown.countDown();
        });
        assertThat(shown.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        live.stop();
        assertThat(live.isRunning()).isFalse();
        assertThat(threads).isNotEmpty().allMatch(name -> name.startsWith("test-live-"));
    }
}
