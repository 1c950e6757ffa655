package org.socketinspector.collect;

import org.junit.jupiter.api.Test;
import org.socketinspector.model.OsKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformWindowsTest {

    @Test
    void windowsNativeIsTheIpHelperCollector() throws CollectionException {
        assertThat(Platform.collector(OsKind.WINDOWS, Source.NATIVE).name()).isEqualTo("iphlpapi");
        assertThat(Platform.collector(OsKind.WINDOWS, Source.AUTO).name()).isEqualTo("iphlpapi");
    }

    @Test
    void netstatIsTheSecondWindowsSourceAndSsIsNotThere() throws CollectionException {
        assertThat(Platform.collector(OsKind.WINDOWS, Source.NETSTAT).name()).isEqualTo("netstat");
        assertThatThrownBy(() -> Platform.collector(OsKind.WINDOWS, Source.SS))
                .hasMessage("source 'ss' is not available yet on windows");
    }
}
