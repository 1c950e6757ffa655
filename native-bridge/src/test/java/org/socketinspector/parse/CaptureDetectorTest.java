package org.socketinspector.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CaptureDetectorTest {

    @ParameterizedTest
    @CsvSource({
            "linux/ss-tuanpe.txt, ss", "linux/ss-tanp.txt, ss",
            "linux/netstat-tuanpe.txt, netstat-linux", "linux/netstat-tanp.txt, netstat-linux",
            "linux/lsof-nP-iTCP-iUDP.txt, lsof", "macos/lsof-i-tcp-8082-docker.txt, lsof",
            "windows/en-netstat-ano.txt, netstat-windows", "windows/en-netstat-anob.txt, netstat-windows",
            "windows/en-netstat-an.txt, netstat-windows", "windows/de-netstat-an-lab-report.txt, netstat-windows",
            "windows/de-netstat-ano-flair.txt, netstat-windows", "windows/fr-netstat-ano-flair.txt, netstat-windows",
            "windows/es-netstat-nabo-cp850-mangled.txt, netstat-windows", "windows/ru-netstat-a.txt, netstat-windows",
            "windows/zh-netstat-ano.txt, netstat-windows", "windows/zh-netstat-ano-time-wait.txt, netstat-windows",
            "macos/netstat-vnp-tcp-mojave.txt, netstat-macos", "macos/netstat-vanp-tcp-docker-listener.txt, netstat-macos",
            "macos/netstat-an-parse-netstat-doc.txt, netstat-macos"})
    void recognisesEveryRealCapture(String name, String format) throws Exception {
        assertThat(CaptureDetector.detect(Captures.text(name), name).wireName()).isEqualTo(format);
    }

    @Test
    void jsonIsRecognisedByItsFirstCharacter() throws Exception {
        assertThat(CaptureDetector.detect("\n  {\"schema\": \"socket-inspector/scan/1\"}", "scan.json"))
                .isEqualTo(CaptureFormat.JSON);
    }

    @Test
    void somethingElseIsAClearError() {
        assertThatThrownBy(() -> CaptureDetector.detect("Hello\nthis is a shopping list\n", "list.txt"))
                .isInstanceOf(CaptureParseException.class)
                .hasMessageStartingWith("list.txt: not a capture this tool knows: expected the output of netstat (Windows,");
    }
}
