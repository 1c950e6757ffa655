package org.socketinspector.collect;

import java.io.IOException;
import org.socketinspector.model.Scan;

/**
 * Adapts a scanner of an OS package (the native tables, or the ss/netstat/lsof runners) to {@link SocketCollector}:
 * the OS packages return a Scan or throw IOException and do not know this package (see {@link Platform}).
 */
final class ScannerCollector implements SocketCollector {

    /** One scan; IOException when the tables or the tool cannot be read. */
    interface Scanner {
        Scan scan(ScanRequest request) throws IOException;
    }

    private final String name;
    private final Scanner scanner;

    ScannerCollector(String name, Scanner scanner) {
        this.name = name;
        this.scanner = scanner;
    }

    @Override
    public String name() {
        return name;
    }

    /** One scan at a time: the Linux scanner keeps its last /proc pass between scans. */
    @Override
    public synchronized Scan collect(ScanRequest request) throws CollectionException {
        try {
            return scanner.scan(request);
        } catch (IOException e) {
            throw new CollectionException("cannot read the sockets through " + name + ": " + e.getMessage(), e);
        }
    }
}
