package org.socketinspector.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Property-based fuzzing of the capture parsers and the import path (the seeded mutations of
 * {@link CaptureFuzzTest}, extended): random bytes, truncated real captures, huge fields and invalid UTF-8 are read
 * or refused with a {@link CaptureParseException} naming the input; never another exception, never a hang.
 * jqwik shrinks a failing input to a small one. Tries are bounded so that the suite takes a few seconds.
 */
class CapturePropertiesTest {

    private static final Duration NO_HANG = Duration.ofSeconds(5);

    @Property(tries = 80)
    void randomBytesAreReadOrRefusedByName(@ForAll("bytes") byte[] bytes, @ForAll("formats") CaptureFormat format) {
        readOrRefuse(bytes, format);
    }

    @Property(tries = 80)
    void truncatedCapturesAreReadOrRefusedByName(@ForAll("captures") String name, @ForAll @IntRange(min = 0, max = 100)
            int percent, @ForAll("formats") CaptureFormat format) {
        byte[] whole = Captures.bytes(name);
        readOrRefuse(Arrays.copyOf(whole, whole.length * percent / 100), format);
    }

    @Property(tries = 30)
    void hugeFieldsAreReadOrRefusedByName(@ForAll("captures") String name, @ForAll("hugeFields") String field) {
        String text = Captures.text(name);
        int at = text.indexOf(' ', text.length() / 2);
        String grown = at < 0 ? text + field : text.substring(0, at) + field + text.substring(at);
        readOrRefuse(grown.getBytes(StandardCharsets.UTF_8), null);
    }

    @Property(tries = 80)
    void invalidUtf8IsReadOrRefusedByName(@ForAll("captures") String name, @ForAll("badUtf8") byte[] bad,
                                          @ForAll @IntRange(min = 0, max = 100) int percent) {
        byte[] whole = Captures.bytes(name);
        int at = whole.length * percent / 100;
        byte[] mixed = new byte[whole.length + bad.length];
        System.arraycopy(whole, 0, mixed, 0, at);
        System.arraycopy(bad, 0, mixed, at, bad.length);
        System.arraycopy(whole, at, mixed, at + bad.length, whole.length - at);
        readOrRefuse(mixed, null);
    }

    /** Decode, detect (format null) or force the format, parse: a result, or our error naming the input. */
    private static void readOrRefuse(byte[] bytes, CaptureFormat format) {
        assertTimeoutPreemptively(NO_HANG, () -> {
            try {
                CaptureImport capture = CaptureImport.of(bytes, "fuzz.txt", format);
                if (capture.format() != CaptureFormat.JSON) {
                    assertThat(capture.parse("fuzz.txt").sockets()).doesNotContainNull();
                }
            } catch (CaptureParseException e) {
                assertThat(e.getMessage()).startsWith("fuzz.txt").doesNotContain("Exception", "\n");
            }
        });
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
    }

    @Provide
    Arbitrary<CaptureFormat> formats() {
        return Arbitraries.of(CaptureFormat.values()).filter(f -> f != CaptureFormat.JSON).injectNull(0.3);
    }

    @Provide
    Arbitrary<String> captures() {
        return Arbitraries.of(Captures.ALL);
    }

    @Provide
    Arbitrary<String> hugeFields() {
        return Combinators.combine(Arbitraries.strings().ofMinLength(1).ofMaxLength(8), Arbitraries.integers()
                .between(1_000, 200_000)).as((unit, times) -> unit.repeat(Math.max(1, times / unit.length())));
    }

    /** Lone continuation bytes, truncated sequences, overlongs, surrogates encoded in UTF-8, 0xFE/0xFF. */
    @Provide
    Arbitrary<byte[]> badUtf8() {
        return Arbitraries.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xE2, (byte) 0x82},
                new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
    }
}
