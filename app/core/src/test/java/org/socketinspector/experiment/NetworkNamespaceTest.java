package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.socketinspector.testing.RootTest;

class NetworkNamespaceTest {

    @Test
    void onlyOurNamesWithADeadProcessAreStale() {
        String list = "si-4242-1 (id: 3)\nsi-4242-2\nsi-7-1 (id: 1)\nsomeone-else\nsi-x-1\ncni-1234\n";
        Set<Long> alive = Set.of(7L);
        assertThat(NetworkNamespace.staleNames(list, alive::contains)).containsExactly("si-4242-1", "si-4242-2");
    }

    @RootTest
    @Test
    void aNamespaceLeftByAKilledApplicationIsDeletedByTheNextExperiment() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "creating network namespaces needs root");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(5, TimeUnit.SECONDS);
        String leftover = "si-" + gone.pid() + "-1";
        assumeTrue(ip("netns", "add", leftover) == 0, "ip netns add works here");
        try (NetworkNamespace fresh = NetworkNamespace.create()) {
            assertThat(namespaces()).doesNotContain(leftover).contains(fresh.name());
        } finally {
            ip("netns", "delete", leftover);
        }
    }

    private static int ip(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(concat(args)).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(5, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private static List<String> concat(String... args) {
        java.util.ArrayList<String> command = new java.util.ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> namespaces() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ip", "netns", "list").start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(5, TimeUnit.SECONDS);
        return out.lines().map(l -> l.split(" ")[0]).toList();
    }
}
