package org.socketinspector.windows;

import com.sun.jna.platform.win32.WinError;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableReaderTest {

    /** A UDP4 table that gains {@code growth} rows after every call, like a busy server between two calls. */
    static final class GrowingTable implements TableSource {
        final List<Integer> bufferSizes = new ArrayList<>();
        int rows;
        final int growth;
        int growingCalls = Integer.MAX_VALUE;

        GrowingTable(int rows, int growth) {
            this.rows = rows;
            this.growth = growth;
        }

        @Override
        public Attempt fetch(TableKind kind, int bufferSize) {
            bufferSizes.add(bufferSize);
            int needed = TableKind.HEADER_SIZE + rows * kind.rowSize();
            Attempt attempt;
            if (bufferSize < needed) {
                attempt = new Attempt(WinError.ERROR_INSUFFICIENT_BUFFER, needed, new byte[0]);
            } else {
                ByteBuffer buffer = ByteBuffer.allocate(bufferSize).order(ByteOrder.LITTLE_ENDIAN);
                buffer.putInt(0, rows);
                for (int row = 0; row < rows; row++) {
                    int at = TableKind.HEADER_SIZE + row * kind.rowSize();
                    buffer.put(at, (byte) 127).put(at + 3, (byte) 1);       // 127.0.0.1
                    buffer.put(at + 4, (byte) 0x30).put(at + 5, (byte) row); // port 0x3000 + row
                    buffer.putInt(at + 8, 1000 + row);
                }
                attempt = new Attempt(WinError.NO_ERROR, needed, buffer.array());
            }
            if (bufferSizes.size() <= growingCalls) {
                rows += growth;
            }
            return attempt;
        }
    }

    @Test
    void asksForTheSizeThenReadsWithSlack() throws IOException {
        GrowingTable table = new GrowingTable(3, 0);
        byte[] bytes = new TableReader(table).read(TableKind.UDP4);
        assertThat(table.bufferSizes).containsExactly(0, 4 + 3 * 12 + TableReader.SLACK_ROWS * 12);
        assertThat(IpHelperTableDecoder.decode(TableKind.UDP4, bytes)).hasSize(3);
    }

    @Test
    void slackAbsorbsATableThatGrowsByLessThanTheSlack() throws IOException {
        GrowingTable table = new GrowingTable(3, 5);
        byte[] bytes = new TableReader(table).read(TableKind.UDP4);
        assertThat(table.bufferSizes).hasSize(2);
        assertThat(IpHelperTableDecoder.decode(TableKind.UDP4, bytes)).hasSize(8)
                .extracting(r -> r.localPort()).containsExactly(0x3000, 0x3001, 0x3002, 0x3003, 0x3004, 0x3005, 0x3006, 0x3007);
    }

    @Test
    void retriesWhileTheTableOutgrowsTheBuffer() throws IOException {
        GrowingTable table = new GrowingTable(1, TableReader.SLACK_ROWS + 4);
        table.growingCalls = 3;
        byte[] bytes = new TableReader(table).read(TableKind.UDP4);
        // 20 new rows after each of the first 3 calls: each buffer (size asked + 16 rows) is 4 rows short until the
        // table stops growing; the 5th call fits.
        assertThat(table.bufferSizes).containsExactly(0, 16 + 192, 256 + 192, 496 + 192, 736 + 192);
        assertThat(IpHelperTableDecoder.decode(TableKind.UDP4, bytes)).hasSize(61);
    }

    @Test
    void givesUpOnATableThatAlwaysOutgrowsTheSlack() {
        GrowingTable table = new GrowingTable(1, TableReader.SLACK_ROWS + 1);
        assertThatThrownBy(() -> new TableReader(table).read(TableKind.UDP4))
                .isInstanceOf(IOException.class)
                .hasMessage("GetExtendedUdpTable(udp4_owner_pid) still answered ERROR_INSUFFICIENT_BUFFER after 8 calls:"
                        + " the table grows faster than it can be read");
        assertThat(table.bufferSizes).hasSize(TableReader.MAX_ATTEMPTS);
    }

    @Test
    void otherErrorsEndTheReadAtOnce() {
        List<Integer> calls = new ArrayList<>();
        TableSource invalid = (kind, size) -> {
            calls.add(size);
            return new TableSource.Attempt(WinError.ERROR_INVALID_PARAMETER, 0, new byte[0]);
        };
        assertThatThrownBy(() -> new TableReader(invalid).read(TableKind.TCP6_ALL))
                .hasMessage("GetExtendedTcpTable(tcp6_owner_pid_all) failed with Win32 error 87");
        assertThat(calls).hasSize(1);
    }

    @Test
    void anAbsurdSizeRequestIsRefused() {
        TableSource greedy = (kind, size) -> new TableSource.Attempt(WinError.ERROR_INSUFFICIENT_BUFFER, Integer.MAX_VALUE, new byte[0]);
        assertThatThrownBy(() -> new TableReader(greedy).read(TableKind.TCP4_ALL))
                .hasMessageStartingWith("GetExtendedTcpTable(tcp4_owner_pid_all) asked for a buffer of 2147483647 bytes");
    }

    @Test
    void successWithoutABufferIsAnEmptyTable() throws IOException {
        TableSource empty = (kind, size) -> new TableSource.Attempt(WinError.NO_ERROR, 0, new byte[0]);
        assertThat(IpHelperTableDecoder.decode(TableKind.UDP6, new TableReader(empty).read(TableKind.UDP6))).isEmpty();
    }
}
