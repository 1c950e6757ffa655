package org.socketinspector.collect;

import org.socketinspector.model.Scan;
import org.socketinspector.windows.WindowsSocketScanner;

import java.io.IOException;

/** The Windows native source: IP Helper tables, Toolhelp32 and token owners, the optional Winsock bind probe. */
final class WindowsNativeCollector implements SocketCollector {
    private final WindowsSocketScanner scanner = new WindowsSocketScanner();

    @Override
    public String name() {
        return WindowsSocketScanner.SOURCE_IPHLPAPI;
    }

    @Override
    public synchronized Scan collect(ScanRequest request) throws CollectionException {
        try {
            return scanner.scan(request.includeConnections(), request.probe(), request.probeUdp());
        } catch (IOException e) {
            throw new CollectionException("cannot read the socket tables: " + e.getMessage(), e);
        }
    }
}
