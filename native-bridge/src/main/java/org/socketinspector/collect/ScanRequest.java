package org.socketinspector.collect;

/**
 * What the user asked a collector for.
 *
 * @param includeConnections also list every connection (scan --all), not only listeners and bound UDP sockets
 * @param probe              run the safe bind probe on TCP listeners where options cannot be read (scan --probe)
 * @param probeUdp           also probe UDP sockets (a separate, explicit switch: a bound UDP probe can receive datagrams)
 */
public record ScanRequest(boolean includeConnections, boolean probe, boolean probeUdp) {

    public static final ScanRequest LISTENERS = new ScanRequest(false, false, false);
    public static final ScanRequest ALL = new ScanRequest(true, false, false);
}
