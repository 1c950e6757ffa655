package org.socketinspector.model;

/**
 * What an imported capture printed instead of numbers (netstat, ss or lsof run without {@code -n}/{@code -P}).
 * Null on live scans and on imported sockets whose endpoints were numeric.
 *
 * @param localHost           the local host name as written ({@code localhost}, {@code web01}), or null if numeric
 * @param localService        the local port's service name as written ({@code ssh}), or null if numeric
 * @param remoteHost          the remote host name as written, or null
 * @param remoteService       the remote port's service name as written, or null
 * @param localAddressUnknown the local host name could not be turned into an address without a lookup (never made):
 *                            {@code localAddress} then holds the name as written, and the rules treat it as possibly
 *                            any address of the machine
 * @param truncated           the tool cut a name to its column width ({@code localhost.localdoma:ssh}); it is kept as
 *                            written
 */
public record EndpointNames(String localHost, String localService, String remoteHost, String remoteService,
                            boolean localAddressUnknown, boolean truncated) {

    /** Null when there is nothing to say: the endpoints were numbers. */
    public static EndpointNames ofNullable(String localHost, String localService, String remoteHost,
                                           String remoteService, boolean localAddressUnknown, boolean truncated) {
        if (localHost == null && localService == null && remoteHost == null && remoteService == null) {
            return null;
        }
        return new EndpointNames(localHost, localService, remoteHost, remoteService, localAddressUnknown, truncated);
    }
}
