package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Protocol;
import org.socketinspector.sockets.PortHolder;

/** Which holders of a port are not the experiment's own (issue 18, defect 6). */
class RefusalCheckTest {

    private static PortHolder holder(String state, Long uid, long inode) {
        return new PortHolder(Protocol.TCP, "::1", 4242, state, uid, inode, null);
    }

    @Test
    void onlyTheExperimentsInodesAreItsOwn() {
        PortHolder victim = holder("LISTEN", 0L, 100);
        PortHolder racer = holder("LISTEN", 65534L, 200);
        PortHolder boundOnly = holder("BOUND", 65534L, 300);
        assertThat(RefusalCheck.foreign(List.of(victim, racer, boundOnly), Set.of(100L), false))
                .containsExactly(racer, boundOnly);
        assertThat(RefusalCheck.foreign(List.of(victim), Set.of(100L), false)).isEmpty();
    }

    @Test
    void aTimeWaitEntryIsTheExperimentsOnlyInATimeWaitEncounter() {
        PortHolder timeWait = holder("TIME_WAIT", null, 0);
        assertThat(RefusalCheck.foreign(List.of(timeWait), Set.of(), true)).isEmpty();
        assertThat(RefusalCheck.foreign(List.of(timeWait), Set.of(), false)).containsExactly(timeWait);
        assertThat(RefusalCheck.foreign(List.of(holder("ESTABLISHED", 0L, 0)), Set.of(), true))
                .as("only TIME_WAIT has no inode legitimately").hasSize(1);
    }

    @Test
    void aHolderIsNamedByUidPidStateAndAddress() {
        assertThat(RefusalCheck.describe(holder("LISTEN", 65534L, 200).withPid(4711L)))
                .isEqualTo("uid 65534 pid 4711 (LISTEN ::1)");
        assertThat(RefusalCheck.describe(holder("TIME_WAIT", null, 0))).isEqualTo("uid ? pid ? (TIME_WAIT ::1)");
    }
}
