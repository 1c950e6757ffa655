package org.socketinspector.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformTest {

    @Test
    void autoMeansNativeOnLinux() throws Exception {
        assertThat(Platform.collector(OsKind.LINUX, Source.AUTO)).isInstanceOf(LinuxNativeCollector.class);
        assertThat(Platform.collector(OsKind.LINUX, Source.NATIVE).name()).isEqualTo("netlink");
    }

    @Test
    void unsupportedCombinationsFailWithAClearMessage() {
        assertThatThrownBy(() -> Platform.collector(OsKind.FREEBSD, Source.AUTO))
                .isInstanceOf(CollectionException.class).hasMessageContaining("no collector for freebsd");
    }
}
