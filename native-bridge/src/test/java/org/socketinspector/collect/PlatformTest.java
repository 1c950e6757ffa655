package org.socketinspector.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.model.OsKind;

class PlatformTest {

    @Test
    void autoMeansNativeOnLinux() throws Exception {
        assertThat(Platforms.forOs(OsKind.LINUX).collector(Source.AUTO).name()).isEqualTo("netlink");
        assertThat(Platforms.forOs(OsKind.LINUX).collector(Source.NATIVE).name()).isEqualTo("netlink");
    }

    @Test
    void ssAndNetstatAreTheTextSourcesOnLinux() throws Exception {
        assertThat(Platforms.forOs(OsKind.LINUX).collector(Source.SS).name()).isEqualTo("ss");
        assertThat(Platforms.forOs(OsKind.LINUX).collector(Source.NETSTAT).name()).isEqualTo("netstat");
        assertThat(Platforms.forOs(OsKind.LINUX).crossCheckSource()).isEqualTo(Source.SS);
        assertThat(Platforms.forOs(OsKind.WINDOWS).crossCheckSource()).isEqualTo(Source.NETSTAT);
    }

    @Test
    void unsupportedCombinationsFailWithAClearMessage() {
        assertThatThrownBy(() -> Platforms.forOs(OsKind.FREEBSD).collector(Source.AUTO))
                .isInstanceOf(CollectionException.class).hasMessageContaining("no collector for freebsd");
    }

    @Test
    void anInstanceKeepsItsPartsAndTwoInstancesShareNone() throws Exception {
        Platform one = Platforms.forOs(OsKind.LINUX);
        Platform two = Platforms.forOs(OsKind.LINUX);
        assertThat(one.collector(Source.AUTO)).isSameAs(one.collector(Source.NATIVE));
        assertThat(one.processes()).isSameAs(one.processes()).isNotSameAs(two.processes());
        assertThat(one.collector(Source.SS)).isNotSameAs(two.collector(Source.SS));
    }

    @Test
    void whatAnOsLacksIsRefusedByName() {
        Platform mac = Platforms.forOs(OsKind.MACOS);
        assertThatThrownBy(mac::sockets).hasMessage("native sockets are not implemented for macos yet");
        assertThatThrownBy(mac::processes).hasMessage("process control is not implemented for macos yet");
    }

    @Test
    void windowsKnowsOnlyTheRunningUserAndUnixReadsPasswdBothWays(@TempDir Path dir) throws Exception {
        assertThat(Platforms.forOs(OsKind.WINDOWS).accounts().runningUserFirst()).isTrue();
        assertThat(Platforms.forOs(OsKind.WINDOWS).accounts().source()).isNull();
        Path passwd = Files.writeString(dir.resolve("passwd"),
                "# comment\nroot:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\nbob:x:1000:1000:::\n");
        Accounts accounts = Accounts.passwd(passwd);
        assertThat(accounts.name(1000)).as("the first entry of a shared uid").isEqualTo("alice");
        assertThat(accounts.uid("bob")).isEqualTo(OptionalLong.of(1000));
        assertThat(accounts.uid("carol")).isEmpty();
        assertThat(accounts.source()).isEqualTo(passwd);
        assertThat(Accounts.passwd(dir.resolve("missing")).source()).isNull();
        assertThat(Accounts.passwd(dir.resolve("missing")).name(0)).isNull();
    }
}
