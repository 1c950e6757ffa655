package org.socketinspector.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressTextTest {

    @ParameterizedTest
    @CsvSource({
            "::, ::",
            "::1, ::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "fe80:0:0:0:0:0:0:abcd, fe80::abcd",
            "2001:0db8:0000:0000:0000:ff00:0042:8329, 2001:db8::ff00:42:8329",
            "1:0:0:2:0:0:0:3, 1:0:0:2::3",
            "1:2:3:4:5:6:7:0, 1:2:3:4:5:6:7:0",
            "::ffff:127.0.0.1, ::ffff:127.0.0.1",
    })
    void formatsIpv6AsRfc5952(String input, String expected) throws Exception {
        byte[] bytes = InetAddress.getByName(input).getAddress();
        if (bytes.length == 4) { // Java turns IPv4-mapped text into an Inet4Address
            bytes = new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, bytes[0], bytes[1], bytes[2], bytes[3]};
        }
        assertThat(AddressText.format(bytes, 0, Family.IPV6)).isEqualTo(expected);
    }

    @Test
    void formatsIpv4AtAnOffset() {
        byte[] bytes = {9, 9, 127, 0, 0, 1, (byte) 255};
        assertThat(AddressText.format(bytes, 2, Family.IPV4)).isEqualTo("127.0.0.1");
        assertThat(AddressText.format(new byte[] {(byte) 192, (byte) 168, 1, (byte) 254}, 0, Family.IPV4))
                .isEqualTo("192.168.1.254");
    }

    @Test
    void appendsAZoneOnlyWhenThereIsOne() {
        assertThat(AddressText.withZone("fe80::1", "eth0")).isEqualTo("fe80::1%eth0");
        assertThat(AddressText.withZone("fe80::1", null)).isEqualTo("fe80::1");
    }
}
