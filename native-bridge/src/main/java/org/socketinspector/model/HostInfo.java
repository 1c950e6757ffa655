package org.socketinspector.model;

/**
 * The machine a scan describes.
 *
 * @param name                  host name
 * @param os                    linux, windows, macos or freebsd
 * @param osVersion             kernel or OS version text
 * @param unprivilegedPortStart net.ipv4.ip_unprivileged_port_start (Linux), null when unknown or not applicable
 * @param bindV6Only            net.ipv6.bindv6only (Linux), null when unknown
 */
public record HostInfo(String name, String os, String osVersion, Integer unprivilegedPortStart, Boolean bindV6Only) {
}
