package org.socketinspector.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;

/** The runner's logic on real published netstat output, standing in for the tool (which needs Windows). */
class WindowsNetstatScannerTest {

    private static final HostInfo HOST = new HostInfo("DESKTOP", "windows", "10.0", null, null);
    private final List<List<String>> commands = new ArrayList<>();

    @Test
    void elevatedRunsMinusBAndNamesExecutables() throws Exception {
        WindowsNetstatScanner scanner = new WindowsNetstatScanner(answer(capture("en-netstat-anob.txt")), () -> true, () -> HOST);

        Scan scan = scanner.scan(false);

        assertThat(commands).containsExactly(List.of("netstat", "-anob"));
        assertThat(scan.privileged()).isTrue();
        assertThat(scan.sources()).containsExactly("netstat");
        assertThat(scan.host()).isEqualTo(HOST);
        assertThat(scan.sockets()).allMatch(SocketRecord::isListening);
        assertThat(scan.sockets()).filteredOn(s -> s.localPort() == 135 && s.family().wireName().equals("ipv4"))
                .singleElement().satisfies(s -> assertThat(s.process().name()).isEqualTo("svchost.exe"));
    }

    @Test
    void notElevatedRunsMinusAnoAndSaysWhatIsMissing() throws Exception {
        WindowsNetstatScanner scanner = new WindowsNetstatScanner(answer(capture("en-netstat-ano.txt")), () -> false, () -> HOST);

        Scan scan = scanner.scan(true);

        assertThat(commands).containsExactly(List.of("netstat", "-ano"));
        assertThat(scan.privileged()).isFalse();
        assertThat(scan.limitations().get(0)).startsWith("not elevated: netstat -ano gives PIDs");
        assertThat(scan.sockets()).anyMatch(s -> "ESTABLISHED".equals(s.state()));
    }

    /** netstat writes the OEM code page: the German report's bytes (CP850, see its README) are decoded first. */
    @Test
    void oemOutputIsDecoded() throws Exception {
        byte[] cp850 = new String(capture("de-netstat-an-lab-report.txt"), StandardCharsets.UTF_8)
                .getBytes(Charset.forName("windows-1252"));
        WindowsNetstatScanner scanner = new WindowsNetstatScanner(answer(cp850), () -> false, () -> HOST);

        Scan scan = scanner.scan(false);

        assertThat(scan.sockets()).filteredOn(s -> s.protocol().wireName().equals("tcp"))
                .isNotEmpty().allMatch(s -> "ABHÖREN".equals(s.nativeState()) && "LISTEN".equals(s.state()));
    }

    @Test
    void aToolFailureIsAnIoException() {
        WindowsNetstatScanner scanner = new WindowsNetstatScanner(command -> {
            throw new IOException("netstat cannot be started");
        }, () -> false, () -> HOST);

        assertThatThrownBy(() -> scanner.scan(false)).isInstanceOf(IOException.class).hasMessageContaining("netstat");
    }

    private org.socketinspector.exec.ToolCommand answer(byte[] output) {
        return command -> {
            commands.add(command);
            return output;
        };
    }

    static byte[] capture(String name) {
        try (InputStream in = WindowsNetstatScannerTest.class.getResourceAsStream("/captures/windows/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
