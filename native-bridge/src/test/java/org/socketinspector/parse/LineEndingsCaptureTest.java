package org.socketinspector.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketinspector.input.BoundedInput;
import org.socketinspector.input.InputLimits;
import org.socketinspector.model.Scan;

/**
 * Issue 18 #12: a capture with old Mac line ends (CR only, as some exports write) was one long line, read as a
 * capture without sockets, exit 0. Every fixture of every format, converted to CR-only and to a mix of CR, LF and
 * CRLF, must import exactly as its LF original does, through the streaming reader {@code import} uses.
 */
class LineEndingsCaptureTest {

    @TempDir
    Path dir;

    static Stream<String> fixtures() throws URISyntaxException, java.io.IOException {
        List<String> names = new ArrayList<>(Captures.ALL);
        Path variants = Path.of(LineEndingsCaptureTest.class.getResource("/captures/variants").toURI());
        try (Stream<Path> files = Files.list(variants)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted()
                    .forEach(n -> names.add("variants/" + n));
        }
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void aCaptureWithCrOnlyLineEndsImportsLikeItsLfOriginal(String name) throws Exception {
        String lf = Captures.text(name).replace("\r\n", "\n");
        Scan original = read("lf.txt", lf);
        assertThat(original.sockets()).as(name).isNotEmpty();

        Scan crOnly = read("cr.txt", lf.replace('\n', '\r'));

        assertThat(crOnly.sockets()).as(name).isEqualTo(original.sockets());
        assertThat(crOnly.skipped()).as(name).isEqualTo(original.skipped());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void aCaptureWithMixedLineEndsImportsLikeItsLfOriginal(String name) throws Exception {
        String lf = Captures.text(name).replace("\r\n", "\n");
        String[] lines = lf.split("\n", -1);
        String[] ends = {"\r", "\r\n", "\n"};
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            mixed.append(lines[i]).append(i == lines.length - 1 ? "" : ends[i % ends.length]);
        }

        Scan scan = read("mixed.txt", mixed.toString());

        assertThat(scan.sockets()).as(name).isEqualTo(read("lf.txt", lf).sockets());
    }

    private Scan read(String file, String text) throws Exception {
        Path path = Files.write(dir.resolve(file), text.getBytes(StandardCharsets.UTF_8));
        try (BoundedInput input = BoundedInput.open(path, InputLimits.DEFAULT)) {
            return CaptureScans.read(input, null, false, true, "host", Instant.EPOCH).scan();
        }
    }
}
