package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.socketinspector.input.InputLimits;
import picocli.CommandLine;

/**
 * The idle timeout's default is 30 s on every command that reads an input, stated without waiting it out (the
 * FIFO tests of HostileInputCommandTest run with {@code --idle-timeout 1}).
 */
class IdleTimeoutOptionTest {

    @Test
    void withoutTheOptionAnInputMayBeSilentFor30Seconds() {
        IdleTimeoutOption option = new IdleTimeoutOption();
        new CommandLine(option).parseArgs();
        assertThat(option.applyTo(InputLimits.JSON).idleTimeout()).isEqualTo(Duration.ofSeconds(30));

        IdleTimeoutOption given = new IdleTimeoutOption();
        new CommandLine(given).parseArgs("--idle-timeout", "1");
        assertThat(given.applyTo(InputLimits.JSON).idleTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void everyCommandThatReadsAnInputOffersIt() {
        for (String[] help : new String[][] {{"import", "--help"}, {"audit", "--help"}, {"whatif", "--help"},
                {"report", "--help"}, {"report", "merge", "--help"}}) {
            CliRun run = CliRun.onFake(help);
            assertThat(run.out()).as(String.join(" ", help)).contains("--idle-timeout=SECONDS").contains("default 30");
        }
    }
}
