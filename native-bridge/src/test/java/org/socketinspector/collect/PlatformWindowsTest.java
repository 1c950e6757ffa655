package org.socketinspector.collect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformWindowsTest {

    @Test
    void windowsNativeIsTheIpHelperCollector() throws CollectionException {
        assertThat(Platform.collector(OsKind.WINDOWS, Source.NATIVE).name()).isEqualTo("iphlpapi");
        assertThat(Platform.collector(OsKind.WINDOWS, Source.AUTO)).isInstanceOf(WindowsNativeCollector.class);
    }

    @Test
    void otherWindowsSourcesAreNotThereYet() {
        assertThatThrownBy(() -> Platform.collector(OsKind.WINDOWS, Source.NETSTAT))
                .hasMessage("source 'netstat' is not available yet on windows");
    }
}
