package org.socketinspector.windows;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Mutated and random buffers: the decoder returns rows or its own clear error, nothing else. */
class IpHelperTableDecoderFuzzTest {

    private static final int ROUNDS = 3000;

    @Test
    void mutatedCapturesFailOnlyWithTheDecodersOwnError() {
        Map<TableKind, byte[]> captures = new EnumMap<>(TableKind.class);
        for (TableKind kind : TableKind.values()) {
            captures.put(kind, Fixtures.table(Fixtures.WITH_WINE, kind));
        }
        Random random = new Random(20261125);
        int decoded = 0;
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            TableKind kind = TableKind.values()[random.nextInt(TableKind.values().length)];
            byte[] buffer = mutate(captures.get(kind), random);
            Throwable thrown = catchThrowable(() -> IpHelperTableDecoder.decode(kind, buffer));
            if (thrown == null) {
                decoded++;
            } else {
                assertThat(thrown).as("round %d, %s", round, kind).isExactlyInstanceOf(IllegalArgumentException.class)
                        .message().startsWith(kind.label());
                refused++;
            }
        }
        // both paths are exercised, so the assertion above is not vacuous
        assertThat(decoded).isPositive();
        assertThat(refused).isPositive();
    }

    private static byte[] mutate(byte[] capture, Random random) {
        switch (random.nextInt(4)) {
            case 0: // truncated anywhere
                return Arrays.copyOf(capture, random.nextInt(capture.length + 1));
            case 1: { // a few bytes flipped, the header included
                byte[] copy = capture.clone();
                for (int i = random.nextInt(4) + 1; i > 0; i--) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return copy;
            }
            case 2: { // garbage of any length
                byte[] garbage = new byte[random.nextInt(300)];
                random.nextBytes(garbage);
                return garbage;
            }
            default: { // the row count says more (or fewer) rows than there are
                byte[] copy = capture.clone();
                copy[random.nextInt(4)] = (byte) random.nextInt(256);
                return copy;
            }
        }
    }
}
