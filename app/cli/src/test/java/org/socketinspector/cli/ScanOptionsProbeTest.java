package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socketinspector.collect.ScanRequest;
import picocli.CommandLine;

/** The probe is off unless asked for, and UDP has its own switch. */
class ScanOptionsProbeTest {

    private static ScanRequest parse(String... args) {
        ScanCommand command = new ScanCommand();
        new CommandLine(command, new PlatformFactory(CliRun.PLATFORM)).parseArgs(args);
        return command.scanOptions.request();
    }

    @Test
    void probingIsOffByDefault() {
        assertThat(parse()).isEqualTo(ScanRequest.LISTENERS);
        assertThat(parse("--all")).isEqualTo(ScanRequest.ALL);
    }

    @Test
    void probeSwitchesTcpAndProbeUdpSwitchesUdp() {
        assertThat(parse("--probe")).isEqualTo(new ScanRequest(false, true, false));
        assertThat(parse("--probe-udp", "--all")).isEqualTo(new ScanRequest(true, false, true));
    }
}
