package org.socketinspector.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.socketinspector.model.OsKind;

class PlatformTest {

    @Test
    void autoMeansNativeOnLinux() throws Exception {
        assertThat(Platform.collector(OsKind.LINUX, Source.AUTO).name()).isEqualTo("netlink");
        assertThat(Platform.collector(OsKind.LINUX, Source.NATIVE).name()).isEqualTo("netlink");
    }

    @Test
    void ssAndNetstatAreTheTextSourcesOnLinux() throws Exception {
        assertThat(Platform.collector(OsKind.LINUX, Source.SS).name()).isEqualTo("ss");
        assertThat(Platform.collector(OsKind.LINUX, Source.NETSTAT).name()).isEqualTo("netstat");
        assertThat(Platform.crossCheckSource(OsKind.LINUX)).isEqualTo(Source.SS);
        assertThat(Platform.crossCheckSource(OsKind.WINDOWS)).isEqualTo(Source.NETSTAT);
    }

    @Test
    void unsupportedCombinationsFailWithAClearMessage() {
        assertThatThrownBy(() -> Platform.collector(OsKind.FREEBSD, Source.AUTO))
                .isInstanceOf(CollectionException.class).hasMessageContaining("no collector for freebsd");
    }
}
