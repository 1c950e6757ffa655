package org.socketinspector.collect;

import java.io.IOException;
import org.socketinspector.linux.LinuxSocketScanner;
import org.socketinspector.model.Scan;

/** The Linux native source: sock_diag netlink, /proc/&lt;pid&gt;/fd owners, pidfd_getfd + getsockopt options. */
final class LinuxNativeCollector implements SocketCollector {
    private final LinuxSocketScanner scanner = new LinuxSocketScanner();

    @Override
    public String name() {
        return LinuxSocketScanner.SOURCE_NETLINK;
    }

    @Override
    public synchronized Scan collect(ScanRequest request) throws CollectionException {
        try {
            return scanner.scan(request.includeConnections());
        } catch (IOException e) {
            throw new CollectionException("cannot read the socket table: " + e.getMessage(), e);
        }
    }
}
