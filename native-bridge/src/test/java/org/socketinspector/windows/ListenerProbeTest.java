package org.socketinspector.windows;

import org.junit.jupiter.api.Test;
import org.socketinspector.model.Family;
import org.socketinspector.model.ProbeResult;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketRecord;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketinspector.sockets.windows.WinsockErrors.WSAEACCES;
import static org.socketinspector.sockets.windows.WinsockErrors.WSAEADDRINUSE;
import static org.socketinspector.sockets.windows.WinsockErrors.WSAEADDRNOTAVAIL;
import static org.socketinspector.sockets.windows.WinsockErrors.WSAENOBUFS;

class ListenerProbeTest {

    private final FakeSockets sockets = new FakeSockets();
    private final ListenerProbe probe = new ListenerProbe(sockets);

    @Test
    void aSuccessfulBindMeansNotExclusiveAndIsClosedWithoutListening() {
        SocketRecord r = probeOne(listener("127.0.0.1", 45111));
        assertThat(r.options().exclusiveAddressUse()).isFalse();
        assertThat(r.probe()).isEqualTo(new ProbeResult("127.0.0.1", "SO_REUSEADDR", true, null, 0));
        assertThat(sockets.calls).containsExactly(
                "socket TCP IPV4", "setsockopt 100 REUSEADDR=true", "bind 100 127.0.0.1:45111", "close 100");
    }

    @Test
    void accessDeniedOrInUseMeansExclusiveWithTheRawErrorKept() {
        sockets.failBind("127.0.0.1:45111", WSAEACCES).failBind("127.0.0.1:45121", WSAEADDRINUSE);
        List<SocketRecord> out = probe.probeAll(List.of(listener("127.0.0.1", 45111), listener("127.0.0.1", 45121)), true, false).sockets();
        assertThat(out.get(0).options().exclusiveAddressUse()).isTrue();
        assertThat(out.get(0).probe()).isEqualTo(new ProbeResult("127.0.0.1", "SO_REUSEADDR", false, "WSAEACCES", 10013));
        assertThat(out.get(1).options().exclusiveAddressUse()).isTrue();
        assertThat(out.get(1).probe().error()).isEqualTo("WSAEADDRINUSE");
        assertThat(out.get(1).probe().errorCode()).isEqualTo(10048);
        assertThat(sockets.calls).noneMatch(c -> c.startsWith("listen"));
    }

    @Test
    void aWildcardListenerThatRefusesIsProbedAgainOnLoopback() {
        sockets.failBind("0.0.0.0:45122", WSAEACCES);
        SocketRecord r = probeOne(listener("0.0.0.0", 45122));
        // the specific bind went through: SO_EXCLUSIVEADDRUSE on a wildcard would have refused it
        assertThat(r.options().exclusiveAddressUse()).isFalse();
        assertThat(r.probe().bound()).isFalse();
        assertThat(r.probe().specific()).isEqualTo(new ProbeResult("127.0.0.1", "SO_REUSEADDR", true, null, 0));
        assertThat(sockets.calls).containsExactly(
                "socket TCP IPV4", "setsockopt 100 REUSEADDR=true", "bind 100 0.0.0.0:45122", "close 100",
                "socket TCP IPV4", "setsockopt 101 REUSEADDR=true", "bind 101 127.0.0.1:45122", "close 101");
    }

    @Test
    void aWildcardListenerRefusingBothProbesIsExclusive() {
        sockets.failBind("[::]:45114", WSAEACCES).failBind("[::1]:45114", WSAEACCES);
        SocketRecord r = probeOne(new SocketRecord(Protocol.TCP, Family.IPV6, "::", 45114, null, null, "LISTEN",
                "MIB_TCP_STATE_LISTEN", 4, null, null, null, null, null));
        assertThat(r.options().exclusiveAddressUse()).isTrue();
        assertThat(r.probe().options()).isEqualTo("SO_REUSEADDR,IPV6_V6ONLY");
        assertThat(r.probe().specific().address()).isEqualTo("::1");
        assertThat(r.probe().specific().error()).isEqualTo("WSAEACCES");
        assertThat(sockets.calls).contains("setsockopt 100 V6ONLY=true", "bind 101 [::1]:45114");
    }

    @Test
    void aWildcardListenerThatAcceptsIsNotProbedAgain() {
        probeOne(listener("0.0.0.0", 45112));
        assertThat(sockets.calls).filteredOn(c -> c.startsWith("bind")).containsExactly("bind 100 0.0.0.0:45112");
    }

    @Test
    void otherErrorsTeachNothing() {
        sockets.failBind("127.0.0.1:45111", WSAEADDRNOTAVAIL);
        ListenerProbe.Outcome outcome = probe.probeAll(List.of(listener("127.0.0.1", 45111)), true, false);
        SocketRecord r = outcome.sockets().get(0);
        assertThat(r.options().exclusiveAddressUse()).isNull();
        assertThat(r.probe().error()).isEqualTo("WSAEADDRNOTAVAIL");
        assertThat(outcome.limitations()).containsExactly(
                "probe: nothing learned for 1 endpoint(s): TCP 127.0.0.1:45111 WSAEADDRNOTAVAIL");

        sockets.calls.clear();
        sockets.openError = WSAENOBUFS;
        SocketRecord noSocket = probeOne(listener("0.0.0.0", 80));
        assertThat(noSocket.options().exclusiveAddressUse()).isNull();
        assertThat(noSocket.probe()).isEqualTo(new ProbeResult("0.0.0.0", "SO_REUSEADDR", false, "WSAENOBUFS", 10055));
        assertThat(sockets.calls).containsExactly("socket TCP IPV4"); // nothing to close, no follow-up
    }

    @Test
    void aFailedSetsockoptStillClosesTheSocket() {
        sockets.setOptionError = 10042;
        SocketRecord r = probeOne(listener("127.0.0.1", 45111));
        assertThat(r.options().exclusiveAddressUse()).isNull();
        assertThat(r.probe().error()).isEqualTo("WSAENOPROTOOPT");
        assertThat(sockets.calls).containsExactly("socket TCP IPV4", "setsockopt 100 REUSEADDR=true", "close 100");
    }

    @Test
    void probingIsOffByDefaultAndUdpNeedsItsOwnSwitch() {
        List<SocketRecord> wine = new ArrayList<>(IpHelperTableDecoderTest.decode(Fixtures.WITH_WINE, TableKind.TCP4_ALL));
        wine.addAll(IpHelperTableDecoderTest.decode(Fixtures.WITH_WINE, TableKind.UDP4));

        assertThat(probe.probeAll(wine, false, false).sockets()).isEqualTo(wine);
        assertThat(sockets.calls).isEmpty();

        ListenerProbe.Outcome tcpOnly = probe.probeAll(wine, true, false);
        assertThat(sockets.calls).filteredOn(c -> c.startsWith("bind")).extracting(c -> c.substring(c.lastIndexOf(' ') + 1))
                .containsExactly("0.0.0.0:45112", "0.0.0.0:45122", "127.0.0.1:45111", "127.0.0.1:45121");
        assertThat(tcpOnly.binds()).isEqualTo(4);
        assertThat(tcpOnly.limitations()).isEmpty();
        assertThat(tcpOnly.sockets()).filteredOn(r -> r.probe() != null).allMatch(r -> r.protocol() == Protocol.TCP && r.isListening());

        sockets.calls.clear();
        probe.probeAll(wine, true, true);
        assertThat(sockets.calls).filteredOn(c -> c.startsWith("bind")).extracting(c -> c.substring(c.lastIndexOf(' ') + 1))
                .containsExactly("0.0.0.0:45112", "0.0.0.0:45122", "127.0.0.1:45111", "127.0.0.1:45121",
                        "127.0.0.1:45115", "127.0.0.1:45125");
        assertThat(sockets.calls).contains("socket UDP IPV4");
    }

    @Test
    void theLoopbackFollowUpIsSkippedWhenALoopbackListenerExistsAndEndpointsAreProbedOnce() {
        sockets.failBind("0.0.0.0:8080", WSAEACCES).failBind("127.0.0.1:8080", WSAEACCES);
        SocketRecord wildcard = listener("0.0.0.0", 8080);
        List<SocketRecord> out = probe.probeAll(List.of(wildcard, wildcard, listener("127.0.0.1", 8080)), true, false).sockets();
        assertThat(sockets.calls).filteredOn(c -> c.startsWith("bind"))
                .containsExactly("bind 100 0.0.0.0:8080", "bind 101 127.0.0.1:8080");
        assertThat(out.get(0).probe().specific()).isNull();
        assertThat(out.get(1).probe()).isEqualTo(out.get(0).probe());
        assertThat(out).allMatch(r -> Boolean.TRUE.equals(r.options().exclusiveAddressUse()));
    }

    /** Probes one TCP listener, as scan --probe does. */
    private SocketRecord probeOne(SocketRecord record) {
        return probe.probeAll(List.of(record), true, false).sockets().get(0);
    }

    private static SocketRecord listener(String address, int port) {
        return new SocketRecord(Protocol.TCP, Family.IPV4, address, port, null, null, "LISTEN", "MIB_TCP_STATE_LISTEN",
                252, null, null, null, null, null);
    }
}
