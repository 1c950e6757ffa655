package org.socketinspector.lesson;

/**
 * A network namespace a preset (or its remedy) needs for itself: created for the run, with
 * {@code net.ipv4.ip_unprivileged_port_start} set inside it, on a fixed port. The sysctl is per network namespace
 * (Documentation/networking/ip-sysctl.rst), so the host's own value is never touched.
 *
 * @param port                  the port both sockets use inside the namespace (below 1024: a root service's port)
 * @param unprivilegedPortStart the value set inside the namespace (0..1024: the model only knows ports below 1024
 *                              as privileged)
 */
public record LabNamespace(int port, int unprivilegedPortStart) {

    public LabNamespace {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
        if (unprivilegedPortStart < 0 || unprivilegedPortStart > 1024) {
            throw new IllegalArgumentException("ip_unprivileged_port_start " + unprivilegedPortStart
                    + " is outside 0..1024");
        }
    }
}
