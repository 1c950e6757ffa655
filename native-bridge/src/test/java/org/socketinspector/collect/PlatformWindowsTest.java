package org.socketinspector.collect;

import org.junit.jupiter.api.Test;
import org.socketinspector.model.OsKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformWindowsTest {

    @Test
    void windowsNativeIsTheIpHelperCollector() throws CollectionException {
        assertThat(Platforms.forOs(OsKind.WINDOWS).collector(Source.NATIVE).name()).isEqualTo("iphlpapi");
        assertThat(Platforms.forOs(OsKind.WINDOWS).collector(Source.AUTO).name()).isEqualTo("iphlpapi");
    }

    @Test
    void netstatIsTheSecondWindowsSourceAndSsIsNotThere() throws CollectionException {
        assertThat(Platforms.forOs(OsKind.WINDOWS).collector(Source.NETSTAT).name()).isEqualTo("netstat");
        assertThatThrownBy(() -> Platforms.forOs(OsKind.WINDOWS).collector(Source.SS))
                .hasMessage("source 'ss' is not available yet on windows");
    }
}
