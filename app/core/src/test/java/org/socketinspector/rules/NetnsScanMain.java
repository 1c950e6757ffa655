package org.socketinspector.rules;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import org.socketinspector.json.ScanJson;
import org.socketinspector.linux.LinuxSocketScanner;

/**
 * Run inside a network namespace by {@link NamespaceLiveTest}: listens on 127.0.0.1:PORT there, scans its own
 * namespace with the native collector and prints the scan JSON.
 */
public final class NetnsScanMain {

    private NetnsScanMain() {
    }

    public static void main(String[] args) throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            server.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
            System.out.print(ScanJson.write(new LinuxSocketScanner().scan(false)));
            System.out.flush();
        }
    }
}
