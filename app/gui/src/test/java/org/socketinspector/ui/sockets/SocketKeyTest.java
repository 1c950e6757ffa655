package org.socketinspector.ui.sockets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Family;
import org.socketinspector.model.NetNs;
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

    @Test
    void twoNamespacesNeverShareARow() {
        // A capture-like row without inode or pid in two namespaces: two rows, each keeping its key in the next scan.
        SocketRecord inHost = new SocketRecord(Protocol.TCP, Family.IPV4, "127.0.0.1", 8080, null, null, "LISTEN", null,
                null, null, null, null, SocketOptions.UNKNOWN, null).withNetns(new NetNs(4026531840L, null));
        SocketRecord inWeb = inHost.withNetns(new NetNs(4026532301L, "web"));
        List<SocketKey> keys = SocketKey.keysOf(List.of(inHost, inWeb));
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(keys).allMatch(k -> k.occurrence() == 0, "told apart by namespace, not by position");
        assertThat(SocketKey.keysOf(List.of(inWeb, inHost))).containsExactlyInAnyOrderElementsOf(keys);
    }
}
