package org.socketinspector.ui.sockets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;

class SocketKeyTest {

    private static SocketRecord windowsListener(int pid) {
        return new SocketRecord(Protocol.TCP, Family.IPV4, "0.0.0.0", 445, null, null, "LISTEN", "2", pid, null, null,
                null, SocketOptions.UNKNOWN, null);
    }

    @Test
    void identicalLookingSocketsGetDistinctKeysAndTheSameKeysInTheNextScan() {
        List<SocketRecord> scan = List.of(windowsListener(4), windowsListener(4), windowsListener(8));
        List<SocketKey> keys = SocketKey.keysOf(scan);

        assertThat(keys).doesNotHaveDuplicates();
        assertThat(keys.get(1).occurrence()).isEqualTo(1);
        assertThat(SocketKey.keysOf(scan)).isEqualTo(keys);
    }

    @Test
    void theInodeIdentifiesALinuxSocketEvenWhenItsOwnerBecomesVisible() {
        SocketRecord hidden = new SocketRecord(Protocol.UDP, Family.IPV6, "::", 53, null, null, null, null, null, null,
                991, 777L, SocketOptions.UNKNOWN, null);
        SocketRecord seen = hidden.withOwner(42, null);
        assertThat(SocketKey.keysOf(List.of(seen))).isEqualTo(SocketKey.keysOf(List.of(hidden)));
    }
}
