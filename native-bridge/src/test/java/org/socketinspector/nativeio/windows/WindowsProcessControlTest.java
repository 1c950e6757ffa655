package org.socketinspector.nativeio.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The pure part of the Windows process control: a user's number from its SID. */
class WindowsProcessControlTest {

    @Test
    void theUidOfAWindowsAccountIsItsRelativeId() {
        assertThat(WindowsProcessControl.relativeId("S-1-5-21-3623811015-3361044348-30300820-1013")).isEqualTo(1013);
        assertThat(WindowsProcessControl.relativeId("S-1-5-21-1004336348-1177238915-682003330-500")).isEqualTo(500);
        assertThat(WindowsProcessControl.relativeId("S-1-5-18")).isEqualTo(18);
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> WindowsProcessControl.relativeId("DOMAIN\\alice")).hasMessageContaining("not a SID");
        assertThatThrownBy(() -> WindowsProcessControl.relativeId(null)).hasMessageContaining("not a SID");
        assertThatThrownBy(() -> WindowsProcessControl.relativeId("S-1-")).hasMessageContaining("not a SID");
    }
}
