package org.socketinspector.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 18 #12: CR, LF and CRLF all end a line, wherever the reads cut the bytes. */
class LineReaderTest {

    @Test
    void crOnlyLineEndsAreLineEnds() throws IOException {
        assertThat(lines("a\rb\r\rc\r", StandardCharsets.UTF_8, Integer.MAX_VALUE)).containsExactly("a", "b", "", "c");
    }

    @Test
    void mixedLineEndsGiveOneLineEach() throws IOException {
        assertThat(lines("lf\ncrlf\r\ncr\rlast", StandardCharsets.UTF_8, Integer.MAX_VALUE))
                .containsExactly("lf", "crlf", "cr", "last");
        // CR then CRLF is an empty line between; LF then CR too
        assertThat(lines("a\r\r\nb\n\rc", StandardCharsets.UTF_8, Integer.MAX_VALUE))
                .containsExactly("a", "", "b", "", "c");
    }

    @Test
    void aCrlfSplitAcrossReadsIsOneLineEnd() throws IOException {
        String text = "first\r\nsecond\r\n\r\nfourth\rfifth\r\n";
        List<String> expected = List.of("first", "second", "", "fourth", "fifth");
        // every cut: the stream gives at most n bytes a read, so a CR and its LF arrive in two reads
        for (int n = 1; n <= text.length(); n++) {
            assertThat(lines(text, StandardCharsets.UTF_8, n)).as("reads of " + n + " bytes").isEqualTo(expected);
        }
        assertThat(lines(text, StandardCharsets.UTF_16LE, 3)).isEqualTo(expected); // a char cut between reads too
    }

    @Test
    void aCrlfOnTheDecodeBufferBoundaryIsOneLineEnd() throws IOException {
        // the reader decodes 64 Ki chars at a time: put the CR last in the first buffer, its LF first in the next
        String first = "x".repeat(64 * 1024 - 1);
        String text = first + "\r\nnext\r\nlast";
        assertThat(lines(text, StandardCharsets.UTF_8, Integer.MAX_VALUE)).containsExactly(first, "next", "last");
        String shifted = "y".repeat(64 * 1024 - 2) + "\r" + "\r\nz";
        assertThat(lines(shifted, StandardCharsets.UTF_8, Integer.MAX_VALUE))
                .containsExactly("y".repeat(64 * 1024 - 2), "", "z");
    }

    @Test
    void lineNumbersCountCrLines() throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream("a\rb\r\nc".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8, "f", 100);
        assertThat(reader.next()).isEqualTo(new InputLine(1, "a"));
        assertThat(reader.next()).isEqualTo(new InputLine(2, "b"));
        assertThat(reader.next()).isEqualTo(new InputLine(3, "c"));
        assertThat(reader.next()).isNull();
        assertThat(reader.lineNumber()).isEqualTo(3);
    }

    private static List<String> lines(String text, Charset charset, int chunk) throws IOException {
        InputStream in = new ByteArrayInputStream(text.getBytes(charset)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        LineReader reader = new LineReader(in, charset, "test", 1 << 20);
        List<String> out = new ArrayList<>();
        for (InputLine line; (line = reader.next()) != null; ) {
            out.add(line.text());
        }
        return out;
    }
}
