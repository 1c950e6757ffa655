package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.socketinspector.lesson.ReplayPreset;
import org.socketinspector.semantics.Outcome;
import org.socketinspector.testing.RootTest;

/**
 * Issue 18, defect 6: an experiment's verdict comes only from sockets it knows are its own. Uid 65534 watches
 * /proc/net/tcp and binds {@code [::1]:P} the moment the family-shadow replay's victim listens on
 * {@code 127.0.0.1:P}, before the replay's attacker binds {@code ::1}: the run must be inconclusive and name the
 * racer, never "refused" nor a disagreement.
 */
@EnabledOnOs(OS.LINUX)
class ExperimentInterferenceTest {

    /** Uid 65534's racer: reads a port on stdin, waits until /proc/net/tcp lists 127.0.0.1:P listening, takes [::1]:P. */
    private static final String RACER = String.join("\n",
            "import socket, sys, time",
            "port = int(sys.stdin.readline())",
            "want = '0100007F:%04X' % port",
            "deadline = time.time() + 20",
            "while time.time() < deadline:",
            "    rows = [l.split() for l in open('/proc/net/tcp').read().splitlines()[1:]]",
            "    if any(r[1] == want and r[3] == '0A' for r in rows):",
            "        break",
            "s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)",
            "s.bind(('::1', port))",
            "s.listen(8)",
            "print('bound', port, flush=True)",
            "sys.stdin.read()");

    private static final Pattern VICTIM_PORT = Pattern.compile("port (\\d+) as uid");

    @RootTest
    @Test
    void anotherUsersRaceForTheShadowPortIsInterferenceNotARefusal() throws Exception {
        Assumptions.assumeTrue(ThisMachine.SELF_UID == 0, "needs root: the preset's attacker and the racer are uid 65534");
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "no /usr/bin/python3 for uid 65534's racer");
        Process racer = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                python.toString(), "-c", RACER).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            OutputStream toRacer = racer.getOutputStream();
            BufferedReader fromRacer = new BufferedReader(new InputStreamReader(racer.getInputStream(), StandardCharsets.US_ASCII));
            int[] port = {0};
            String[] racerSaid = {null};
            // The race is won on cue rather than by luck: when the victim has listened, the replay waits (bounded)
            // until the racer, watching /proc/net/tcp, has taken [::1]:P; only then does the attacker bind.
            Consumer<TimelineEvent> cue = e -> {
                Matcher m = VICTIM_PORT.matcher(e.detail());
                if (e.actor().equals(Encounter.FIRST) && e.event().equals("bind") && m.find()) {
                    port[0] = Integer.parseInt(m.group(1));
                }
                if (e.actor().equals(Encounter.FIRST) && e.event().equals("listen") && racerSaid[0] == null) {
                    try {
                        toRacer.write((port[0] + "\n").getBytes(StandardCharsets.US_ASCII));
                        toRacer.flush();
                        racerSaid[0] = CompletableFuture.supplyAsync(() -> {
                            try {
                                return fromRacer.readLine();
                            } catch (java.io.IOException ex) {
                                return null;
                            }
                        }).get(30, TimeUnit.SECONDS);
                    } catch (Exception ex) {
                        throw new IllegalStateException("the racer did not answer", ex);
                    }
                }
            };
            LabReplay replay = new LabReplay(ThisMachine.PLATFORM.sockets(), new HelperLauncher(ThisMachine.PLATFORM.processes()));
            ReplayRequest request = ReplayRequest.of(ReplayPreset.named("localhost-family-shadow").orElseThrow(), 5, 0,
                    false, ThisMachine.SELF_UID);
            assertThatThrownBy(() -> replay.run(request, new CancelToken(), cue))
                    .isInstanceOf(InterferenceException.class)
                    .satisfies(e -> assertThat(e.getMessage())
                            .startsWith("interfered/inconclusive: the attacker's bind of ::1")
                            .contains("taken by uid 65534 pid " + racer.pid() + " (LISTEN ::1)")
                            .doesNotContain("\n"));
            assertThat(racerSaid[0]).isEqualTo("bound " + port[0]);
        } finally {
            racer.destroyForcibly();
            racer.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(HelperLauncher.livePids()).isEmpty();
    }

    @RootTest
    @Test
    void withoutARacerTheSameReplayStealsAndAPlainRefusalIsStillAVerdict() throws Exception {
        Assumptions.assumeTrue(ThisMachine.SELF_UID == 0, "needs root: the preset's attacker is uid 65534");
        LabReplay replay = new LabReplay(ThisMachine.PLATFORM.sockets(), new HelperLauncher(ThisMachine.PLATFORM.processes()));
        ReplayResult shadow = replay.run(ReplayRequest.of(ReplayPreset.named("localhost-family-shadow").orElseThrow(), 5, 0,
                false, ThisMachine.SELF_UID), new CancelToken());
        assertThat(shadow.result().observed()).isEqualTo(Outcome.STEALS);
        assertThat(shadow.agrees()).isTrue();
        ReplayResult control = replay.run(ReplayRequest.of(ReplayPreset.named("plain-control").orElseThrow(), 5, 0,
                false, ThisMachine.SELF_UID), new CancelToken());
        assertThat(control.result().observed()).as("the victim's own socket refused it: checked, and a verdict")
                .isEqualTo(Outcome.REFUSED);
        assertThat(control.agrees()).isTrue();
    }
}
