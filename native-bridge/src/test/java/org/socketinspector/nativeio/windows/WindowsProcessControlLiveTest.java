package org.socketinspector.nativeio.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socketinspector.windows.Wine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.socketinspector.testing.WindowsTest;

/** Real Windows process control. Runs in CI's Windows job and under Wine (WindowsTestsOnWineTest). */
@EnabledOnOs(OS.WINDOWS)
@WindowsTest
class WindowsProcessControlLiveTest {

    private final WindowsProcessControl control = new WindowsProcessControl();

    @Test
    void theUidIsTheRidThatWhoamiShows() throws Exception {
        Process whoami = new ProcessBuilder("whoami", "/user", "/fo", "csv", "/nh").start();
        String out = new String(whoami.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher sid = Pattern.compile("S-1(-\\d+)+").matcher(out);
        // Wine's whoami ignores /user and prints only DOMAIN and user: nothing to compare with there.
        Assumptions.assumeFalse(Wine.version().isPresent() && !sid.find(0), "Wine's whoami prints no SID: " + out);
        assertThat(sid.find(0)).as(out).isTrue();
        assertThat(control.effectiveUid()).isEqualTo(WindowsProcessControl.relativeId(sid.group()));
        assertThat(control.canActAsOtherUsers()).isFalse();
    }

    @Test
    void aTiedChildCanBeAssignedAndStillRuns() throws IOException, InterruptedException {
        Process child = new ProcessBuilder("ping", "-n", "30", "127.0.0.1").start();
        try {
            control.tieToThisProcess(child.toHandle());
            assertThat(child.isAlive()).isTrue();
            assertThat(control.dieWithParent(ProcessHandle.current().pid())).isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
