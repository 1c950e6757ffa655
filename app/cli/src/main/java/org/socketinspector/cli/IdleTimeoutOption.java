package org.socketinspector.cli;

import java.time.Duration;
import org.socketinspector.input.InputLimits;
import picocli.CommandLine.Option;

/**
 * {@code --idle-timeout SECONDS}: how long an input may send nothing before the command gives up, for every command
 * that reads one. The default (30 s) ends a FIFO nobody writes to; a pipe from {@code ssh} that first waits for a
 * password may need longer.
 */
public final class IdleTimeoutOption {

    static final int MAX_SECONDS = 86_400;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30", converter = Args.IdleSecondsArg.class,
            description = "Give up on an input that sends nothing for this long: a FIFO nobody writes to, a stalled "
                    + "pipe (1.." + MAX_SECONDS + ", default ${DEFAULT-VALUE}; raise it for <(ssh host ...) behind a "
                    + "password prompt).")
    int seconds = 30;

    /** {@code limits} with this idle timeout. */
    InputLimits applyTo(InputLimits limits) {
        return limits.withIdleTimeout(Duration.ofSeconds(seconds));
    }
}
