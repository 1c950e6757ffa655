package org.socketinspector.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Mutated real captures: every parser, and the whole import path (decode, detect, parse), must either read them
 * or throw CaptureParseException; never any other exception. Seeded, so a failure is reproducible.
 */
class CaptureFuzzTest {

    /**
     * Mutated inputs per format (the import path runs a third of them): 1000 still meets every mutation kind and seed
     * capture many times per format (6000 parses, 2000 imports, 500 of them streamed) while the whole fuzz set stays
     * within about 30 s on a quiet 2-core machine; 3000 made this class alone take more than that (docs/security.md).
     */
    private static final int ROUNDS = 1000;
    private static final List<Charset> WRONG_ENCODINGS = List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
            Charset.forName("IBM866"), Charset.forName("windows-31j"), Charset.forName("GBK"), StandardCharsets.ISO_8859_1);

    @ParameterizedTest
    @EnumSource(value = CaptureFormat.class, names = "JSON", mode = EnumSource.Mode.EXCLUDE)
    void parsersThrowOnlyTheirOwnError(CaptureFormat format) {
        CaptureParser parser = CaptureParsers.forFormat(format);
        List<String> seeds = Captures.ALL.stream().map(Captures::text).toList();
        Random random = new Random(format.ordinal() * 7919L + 1);
        int parsed = 0;
        int rejected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                ParsedCapture capture = parser.parse(input, "fuzz-" + round);
                assertThat(capture.sockets()).doesNotContainNull();
                parsed++;
            } catch (CaptureParseException e) {
                assertThat(e.getMessage()).startsWith("fuzz-" + round);
                rejected++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("round " + round + " of " + format + " threw " + e + " on input starting:\n"
                        + input.substring(0, Math.min(input.length(), 2000)), e);
            }
        }
        // both outcomes occur: the mutations are neither all harmless nor all fatal
        assertThat(parsed).isPositive();
        assertThat(rejected).isPositive();
    }

    @ParameterizedTest
    @EnumSource(value = CaptureFormat.class, names = "JSON", mode = EnumSource.Mode.EXCLUDE)
    void importPathOnRandomBytesAndWrongEncodings(CaptureFormat format) {
        Random random = new Random(format.ordinal() * 104729L + 3);
        for (int round = 0; round < ROUNDS / 3; round++) {
            byte[] bytes = switch (round % 3) {
                case 0 -> garbage(random);
                case 1 -> Captures.text(Captures.ALL.get(random.nextInt(Captures.ALL.size())))
                        .getBytes(WRONG_ENCODINGS.get(random.nextInt(WRONG_ENCODINGS.size())));
                default -> mutate(Captures.text(Captures.ALL.get(random.nextInt(Captures.ALL.size()))), random)
                        .getBytes(StandardCharsets.UTF_8);
            };
            try {
                CaptureImport capture = CaptureImport.of(bytes, "fuzz", round % 2 == 0 ? format : null);
                if (capture.format() != CaptureFormat.JSON) {
                    capture.parse("fuzz");
                }
            } catch (CaptureParseException expected) {
                // a clear error is a fine answer to garbage
            } catch (RuntimeException | StackOverflowError e) {
                fail("round " + round + " threw " + e, e);
            }
            // the streaming import (what `import` runs): skipped lines, or a clear error, never anything else
            // (every 4th round: each goes through a file and a pump thread)
            if (round % 4 != 0) {
                continue;
            }
            try {
                java.nio.file.Path file = java.nio.file.Files.createTempFile("fuzz", ".txt");
                try {
                    java.nio.file.Files.write(file, bytes);
                    try (org.socketinspector.input.BoundedInput input = org.socketinspector.input.BoundedInput.open(file,
                            org.socketinspector.input.InputLimits.DEFAULT)) {
                        CaptureScans.read(input, round % 2 == 0 ? format : null, false, true, "fuzz", null);
                    }
                } finally {
                    java.nio.file.Files.deleteIfExists(file);
                }
            } catch (CaptureParseException | org.socketinspector.input.InputException expected) {
                // not a capture, or a line longer than the limit: one clear line
            } catch (java.io.IOException e) {
                fail("round " + round + " could not write its temporary file: " + e, e);
            } catch (RuntimeException | StackOverflowError e) {
                fail("round " + round + " threw " + e + " in the streaming import", e);
            }
        }
    }

    static String mutate(String seed, Random random) {
        StringBuilder text = new StringBuilder(seed);
        int mutations = 1 + random.nextInt(6);
        for (int m = 0; m < mutations && text.length() > 0; m++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(8)) {
                case 0 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(40))); // random deletion
                case 1 -> { // truncate the line at a random point
                    int end = text.indexOf("\n", at);
                    text.delete(at, end < 0 ? text.length() : end);
                }
                case 2 -> text.insert(at, randomChars(random, 1 + random.nextInt(30))); // binary garbage
                case 3 -> text.insert(at, "9".repeat(20 + random.nextInt(10_000))); // huge line, huge numbers
                case 4 -> text.setCharAt(at, (char) random.nextInt(0x3000));
                case 5 -> text.insert(at, random.nextBoolean() ? ":" : random.nextBoolean() ? "[" : "%");
                case 6 -> text.setLength(at); // the file ends early
                default -> { // a line swapped for another one's start
                    int lineStart = text.lastIndexOf("\n", at) + 1;
                    text.insert(lineStart, random.nextBoolean() ? "  TCP    " : random.nextBoolean() ? "tcp6 " : "udp   UNCONN ");
                }
            }
        }
        return text.toString();
    }

    private static String randomChars(Random random, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) random.nextInt(0x10000));
        }
        return out.toString();
    }

    private static byte[] garbage(Random random) {
        byte[] bytes = new byte[random.nextInt(4096)];
        random.nextBytes(bytes);
        return bytes;
    }
}
