package org.socketinspector.collect;

import org.socketinspector.model.Scan;

/**
 * Lists this machine's sockets with their owners and options. One implementation per OS and source;
 * {@link Platform} picks one at run time.
 */
public interface SocketCollector {

    /** Short name of the source, e.g. "netlink", "ss", "iphlpapi". */
    String name();

    /** Makes one scan. Things it could not see are listed in {@link Scan#limitations()}, not thrown. */
    Scan collect(ScanRequest request) throws CollectionException;
}
