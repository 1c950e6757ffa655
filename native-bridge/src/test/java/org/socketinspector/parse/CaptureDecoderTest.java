package org.socketinspector.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Real bytes: each capture is encoded in the code page Windows would have written it in, then decoded without
 * telling the decoder which one.
 */
class CaptureDecoderTest {

    private static final Charset CP850 = Charset.forName("IBM850");
    private static final Charset CP866 = Charset.forName("IBM866");
    private static final Charset CP932 = Charset.forName("windows-31j");
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void utf8WithAndWithoutBom() {
        String text = Captures.text("windows/ru-netstat-a.txt");
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain);

        assertThat(CaptureDecoder.decode(plain).text()).isEqualTo(text);
        assertThat(CaptureDecoder.decode(withBom).text()).isEqualTo(text);
        assertThat(CaptureDecoder.decode(withBom).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void utf16WithBomBothByteOrders() {
        String text = Captures.text("windows/zh-netstat-ano-time-wait.txt");
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));

        assertThat(CaptureDecoder.decode(le).text()).isEqualTo(text);
        assertThat(CaptureDecoder.decode(le).charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(CaptureDecoder.decode(be).text()).isEqualTo(text);
    }

    @Test
    void utf16WithoutBomIsRecognisedByItsNulBytes() {
        String text = Captures.text("windows/ru-netstat-a.txt");

        assertThat(CaptureDecoder.decode(text.getBytes(StandardCharsets.UTF_16LE)).text()).isEqualTo(text);
        assertThat(CaptureDecoder.decode(text.getBytes(StandardCharsets.UTF_16BE)).text()).isEqualTo(text);
    }

    /**
     * The German lab report shows "ABH™REN": its CP850 bytes were read as Windows-1252. Encoding the published
     * text back in Windows-1252 therefore gives the bytes netstat wrote.
     */
    @Test
    void germanCp850BytesComeOutAsAbhoeren() {
        byte[] original = Captures.text("windows/de-netstat-an-lab-report.txt").getBytes(WINDOWS_1252);

        CaptureDecoder.Decoded decoded = CaptureDecoder.decode(original);

        assertThat(decoded.charset()).isEqualTo(CP850);
        assertThat(decoded.text()).contains("ABHÖREN").doesNotContain("ABH™REN");
    }

    @Test
    void spanishCp850BytesComeOutWithAccents() {
        byte[] original = Captures.text("windows/es-netstat-nabo-cp850-mangled.txt").getBytes(WINDOWS_1252);

        String text = CaptureDecoder.decode(original).text();

        assertThat(text).contains("Dirección local", "No se puede obtener información de propiedad");
    }

    @Test
    void russianCp866IsNotMojibake() {
        String text = Captures.text("windows/ru-netstat-a.txt");

        CaptureDecoder.Decoded decoded = CaptureDecoder.decode(text.getBytes(CP866));

        assertThat(decoded.charset()).isEqualTo(CP866);
        assertThat(decoded.text()).isEqualTo(text);
    }

    @Test
    void simplifiedChineseGbk() {
        String text = Captures.text("windows/zh-netstat-ano-time-wait.txt");

        CaptureDecoder.Decoded decoded = CaptureDecoder.decode(text.getBytes(GBK));

        assertThat(decoded.charset()).isEqualTo(GBK);
        assertThat(decoded.text()).isEqualTo(text);
    }

    /**
     * No real Japanese capture was found; the title and header below come from another project's hand-written
     * test (graded "test-only" in the shared reference) and serve only as Japanese text in CP932 here.
     */
    @Test
    void japaneseCp932IsNotMojibake() {
        String text = "\r\nアクティブな接続\r\n\r\n  プロトコル  ローカル アドレス      外部アドレス\r\n"
                + "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1016\r\n";

        CaptureDecoder.Decoded decoded = CaptureDecoder.decode(text.getBytes(CP932));

        assertThat(decoded.charset()).isEqualTo(CP932);
        assertThat(decoded.text()).isEqualTo(text);
    }

    @Test
    void plainAsciiIsUtf8() {
        byte[] ascii = Captures.bytes("linux/ss-tuanpe.txt");

        assertThat(CaptureDecoder.decode(ascii).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aFewBadBytesKeepAUtf8FileUtf8AndOnlyThoseBytesAreMarked() {
        String ss = "Netid State Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n"
                + "tcp LISTEN 0 5 0.0.0.0:22 0.0.0.0:* users:((\"café\",pid=1,fd=3))\n";
        byte[] good = ss.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 3);
        bytes[good.length] = 'x';
        bytes[good.length + 1] = (byte) 0xFF; // an attacker's process name byte
        bytes[good.length + 2] = '\n';
        CaptureDecoder.Decoded decoded = CaptureDecoder.decode(bytes);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).contains("café").endsWith("x\uFFFD\n");
        // even without any valid multi-byte sequence: a Linux tool never writes an OEM code page
        byte[] ascii = "tcp LISTEN 0 5 0.0.0.0:22 0.0.0.0:* users:((\"ev\u00ffl\",pid=1,fd=3))\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(CaptureDecoder.sniff(ascii, ascii.length)).isEqualTo(StandardCharsets.UTF_8);
    }
}
