package org.socketinspector.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenSocketsTest {

    @Test
    void aSocketIsNewOnceAndDistinctSocketsStayDistinctAcrossGrowth() {
        SeenSockets seen = new SeenSockets();
        // 200,000 sockets, many sharing endpoints text but not devices, and the reverse: the table grows 8 times
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(Integer.toString(1_000_000 + i), "TCP 127.0.0.1:80 null null")).isTrue();
            assertThat(seen.add("0x" + Long.toHexString(0xc61aec2ce64a0000L + i), "TCP 10.0.0.1:" + i + " null null"))
                    .isTrue();
        }
        for (int i = 0; i < 100_000; i += 7) {
            assertThat(seen.add(Integer.toString(1_000_000 + i), "TCP 127.0.0.1:80 null null")).isFalse();
            assertThat(seen.add("0x" + Long.toHexString(0xc61aec2ce64a0000L + i), "TCP 10.0.0.1:" + i + " null null"))
                    .isFalse();
        }
        // the same device with other endpoints is another row of the capture, not a duplicate
        assertThat(seen.add("1000000", "TCP 127.0.0.1:81 null null")).isTrue();
        assertThat(seen.add("not-a-number", "UDP *:53 null null")).isTrue();
        assertThat(seen.add("not-a-number", "UDP *:53 null null")).isFalse();
    }
}
