package org.socketinspector.model;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointsTest {

    @Test
    void ipv4() throws UnknownHostException {
        assertThat(Endpoints.address(raw("127.0.0.1"))).isEqualTo("127.0.0.1");
        assertThat(Endpoints.address(raw("255.0.10.200"))).isEqualTo("255.0.10.200");
    }

    @Test
    void ipv6FollowsRfc5952() throws UnknownHostException {
        assertThat(Endpoints.address(raw("::"))).isEqualTo("::");
        assertThat(Endpoints.address(raw("::1"))).isEqualTo("::1");
        assertThat(Endpoints.address(raw("fe80:0:0:0:0:0:0:1"))).isEqualTo("fe80::1");
        assertThat(Endpoints.address(raw("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1"); // first of equal runs
        assertThat(Endpoints.address(raw("2001:db8:0:1:1:1:1:1"))).isEqualTo("2001:db8:0:1:1:1:1:1"); // one zero group stays
        assertThat(Endpoints.address(raw("2001:DB8:0:0:0:0:0:0"))).isEqualTo("2001:db8::");
        assertThat(Endpoints.address(raw("1:0:0:2:0:0:0:3"))).isEqualTo("1:0:0:2::3"); // the longest run wins
    }

    @Test
    void ipv4MappedKeepsTheDottedTail() {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        assertThat(Endpoints.address(mapped)).isEqualTo("::ffff:127.0.0.1");
    }

    @Test
    void otherLengthsAreRefused() {
        assertThatThrownBy(() -> Endpoints.address(new byte[5])).hasMessageContaining("not 5");
    }

    private static byte[] raw(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal).getAddress();
    }
}
