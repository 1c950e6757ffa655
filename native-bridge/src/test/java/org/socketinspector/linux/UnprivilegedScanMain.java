package org.socketinspector.linux;

import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;

/** Run by {@link UnprivilegedScanTest} under uid 65534: scans once and prints what the test checks, one fact a line. */
public final class UnprivilegedScanMain {
    private UnprivilegedScanMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Scan scan = new LinuxSocketScanner().scan(false);
        System.out.println("privileged " + scan.privileged());
        System.out.println("sources " + scan.sources());
        for (SocketRecord s : scan.sockets()) {
            if (s.localPort() == port) {
                System.out.println("socket pid=" + s.pid() + " uid=" + s.uid() + " reuseAddress="
                        + s.options().reuseAddress() + " reusePort=" + s.options().reusePort());
            }
        }
        scan.limitations().forEach(l -> System.out.println("limitation " + l));
    }
}
