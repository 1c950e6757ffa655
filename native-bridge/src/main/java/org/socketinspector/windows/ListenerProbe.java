package org.socketinspector.windows;

import org.socketinspector.model.Endpoints;
import org.socketinspector.model.Family;
import org.socketinspector.model.ProbeResult;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.sockets.NativeSocketException;
import org.socketinspector.sockets.NativeSockets;
import org.socketinspector.model.SocketOption;
import org.socketinspector.sockets.windows.WinsockErrors;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The safe bind probe (docs/windows.md; reference section 5.2): Windows has no API to read another process's socket
 * options, so whether a listener is protected is learned by trying. A socket with SO_REUSEADDR (never
 * SO_EXCLUSIVEADDRUSE, so the probe cannot block the owner's restart) is bound to the listener's exact address and
 * port, is never listened on and carries no traffic, and is closed at once.
 *
 * <ul>
 *   <li>bind succeeds: the port is co-bindable, {@code exclusiveAddressUse = false};</li>
 *   <li>WSAEACCES or WSAEADDRINUSE: protected against that bind, {@code exclusiveAddressUse = true}, unless the
 *       follow-up below binds;</li>
 *   <li>any other error: nothing learned, the option stays unknown; the raw error is kept in the probe.</li>
 * </ul>
 * A listener on the wildcard that refused the probe is probed once more on the loopback address of its family (the
 * same-user path of section 5.2 step 4). Only SO_EXCLUSIVEADDRUSE on a wildcard refuses every specific bind (MS
 * Learn tables, both for the same and for different users), so a follow-up that binds proves the listener is not
 * exclusive. The follow-up is skipped when a listener already sits on that exact endpoint (it is probed itself).
 */
public final class ListenerProbe {

    /** A bound on the binds one scan may make (two per endpoint at most). */
    public static final int MAX_ENDPOINTS = 4096;

    private final NativeSockets sockets;

    public ListenerProbe(NativeSockets sockets) {
        this.sockets = sockets;
    }

    public record Outcome(List<SocketRecord> sockets, List<String> limitations, int binds) {
    }

    /**
     * Probes the listening sockets of the protocols asked for and returns every record, probed ones with their
     * {@code probe} and {@code options.exclusiveAddressUse} set.
     *
     * @param tcp probe TCP listeners (scan --probe)
     * @param udp probe bound UDP sockets (a separate switch: a bound UDP probe can receive a datagram)
     */
    public Outcome probeAll(List<SocketRecord> records, boolean tcp, boolean udp) {
        Set<String> taken = new HashSet<>();
        for (SocketRecord r : records) {
            if (r.isListening()) {
                taken.add(key(r.protocol(), r.localAddress(), r.localPort()));
            }
        }
        Map<String, ProbeResult> results = new LinkedHashMap<>();
        List<String> limitations = new ArrayList<>();
        int binds = 0;
        int skipped = 0;
        List<SocketRecord> out = new ArrayList<>(records.size());
        for (SocketRecord r : records) {
            if (!wanted(r, tcp, udp)) {
                out.add(r);
                continue;
            }
            String key = key(r.protocol(), r.localAddress(), r.localPort());
            ProbeResult result = results.get(key);
            if (result == null) {
                if (results.size() >= MAX_ENDPOINTS) {
                    skipped++;
                    out.add(r);
                    continue;
                }
                result = probeEndpoint(r, taken);
                binds += result.specific() == null ? 1 : 2;
                results.put(key, result);
            }
            out.add(r.withProbe(result).withOptions(r.options().withExclusiveAddressUse(exclusiveAddressUse(result))));
        }
        List<String> unanswered = results.entrySet().stream()
                .filter(e -> exclusiveAddressUse(e.getValue()) == null)
                .map(e -> e.getKey() + " " + e.getValue().error()).toList();
        if (!unanswered.isEmpty()) {
            limitations.add("probe: nothing learned for " + unanswered.size() + " endpoint(s): "
                    + String.join(", ", unanswered.subList(0, Math.min(5, unanswered.size())))
                    + (unanswered.size() > 5 ? ", ..." : ""));
        }
        if (skipped > 0) {
            limitations.add("probe: stopped after " + MAX_ENDPOINTS + " endpoints; " + skipped
                    + " sockets were not probed");
        }
        return new Outcome(out, limitations, binds);
    }

    /** The probe of a listener's endpoint and, for a refusing wildcard, the loopback follow-up. */
    private ProbeResult probeEndpoint(SocketRecord r, Set<String> listening) {
        ProbeResult result = bindOnce(r.protocol(), r.family(), r.localAddress(), r.localPort());
        String loopback = r.family() == Family.IPV4 ? "127.0.0.1" : "::1";
        if (r.isWildcard() && isDenial(result) && !listening.contains(key(r.protocol(), loopback, r.localPort()))) {
            result = result.withSpecific(bindOnce(r.protocol(), r.family(), loopback, r.localPort()));
        }
        return result;
    }

    /** One probe: socket, SO_REUSEADDR (and IPV6_V6ONLY), bind, close. Never listens; a failed call is the result. */
    public ProbeResult bindOnce(Protocol protocol, Family family, String address, int port) {
        // IPV6_V6ONLY keeps an IPv6 probe from also reserving the port in the IPv4 stack (Windows' default is on,
        // set anyway so the probe's footprint does not depend on it).
        Set<SocketOption> options = family == Family.IPV6 ? EnumSet.of(SocketOption.REUSEADDR, SocketOption.V6ONLY)
                : EnumSet.of(SocketOption.REUSEADDR);
        long socket;
        try {
            socket = sockets.open(protocol, family);
        } catch (NativeSocketException e) {
            return failed(address, options, e);
        }
        try {
            sockets.setOption(socket, SocketOption.REUSEADDR, true);
            if (family == Family.IPV6) {
                sockets.setOption(socket, SocketOption.V6ONLY, true);
            }
            sockets.bind(socket, address, port);
            return new ProbeResult(address, options, true, null, 0);
        } catch (NativeSocketException e) {
            return failed(address, options, e);
        } finally {
            sockets.close(socket);
        }
    }

    /** true, false or null (nothing learned), from a probe and its follow-up. */
    static Boolean exclusiveAddressUse(ProbeResult probe) {
        if (probe.bound()) {
            return false;
        }
        if (!isDenial(probe)) {
            return null;
        }
        return probe.specific() != null && probe.specific().bound() ? Boolean.FALSE : Boolean.TRUE;
    }

    private static boolean isDenial(ProbeResult probe) {
        return !probe.bound() && (probe.errorCode() == WinsockErrors.WSAEACCES
                || probe.errorCode() == WinsockErrors.WSAEADDRINUSE);
    }

    private static boolean wanted(SocketRecord r, boolean tcp, boolean udp) {
        if (!r.isListening() || r.localPort() == 0) {
            return false;
        }
        return r.protocol() == Protocol.TCP ? tcp : udp;
    }

    private static ProbeResult failed(String address, Set<SocketOption> options, NativeSocketException e) {
        return new ProbeResult(address, options, false, e.errorName(), e.errorCode());
    }

    private static String key(Protocol protocol, String address, int port) {
        return protocol + " " + Endpoints.format(address, port);
    }
}
