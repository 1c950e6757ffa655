package org.socketinspector.collect;

import org.socketinspector.model.Scan;

/**
 * Adapts a text-tool scanner of an OS package (ss, netstat, lsof runners) to {@link SocketCollector}; the OS
 * packages return a Scan or throw IOException and do not know this package (see {@link Platform}).
 */
final class ToolCollector implements SocketCollector {

    /** A tool scan: one call, IOException when the tool cannot be run or read. */
    interface ToolScan {
        Scan scan(boolean includeConnections) throws java.io.IOException;
    }

    private final String name;
    private final ToolScan scan;

    ToolCollector(String name, ToolScan scan) {
        this.name = name;
        this.scan = scan;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Scan collect(ScanRequest request) throws CollectionException {
        try {
            return scan.scan(request.includeConnections());
        } catch (java.io.IOException e) {
            throw new CollectionException("cannot read the sockets through " + name + ": " + e.getMessage(), e);
        }
    }
}
