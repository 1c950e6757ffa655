package org.socketinspector.model;

/**
 * The reuse-relevant options of a socket as they were read from the owner's socket.
 * Every field is {@code null} when it was not or could not be read: null means "unknown", never "false".
 *
 * @param reuseAddress        SO_REUSEADDR
 * @param reusePort           SO_REUSEPORT (Linux, BSD)
 * @param exclusiveAddressUse SO_EXCLUSIVEADDRUSE (Windows; learned by the safe bind probe)
 * @param ipv6Only            IPV6_V6ONLY (IPv6 sockets only)
 */
public record SocketOptions(Boolean reuseAddress, Boolean reusePort, Boolean exclusiveAddressUse, Boolean ipv6Only) {

    public static final SocketOptions UNKNOWN = new SocketOptions(null, null, null, null);

    public SocketOptions withIpv6Only(Boolean value) {
        return new SocketOptions(reuseAddress, reusePort, exclusiveAddressUse, value);
    }

    public SocketOptions withExclusiveAddressUse(Boolean value) {
        return new SocketOptions(reuseAddress, reusePort, value, ipv6Only);
    }

    /** True when no option is known. */
    public boolean isUnknown() {
        return reuseAddress == null && reusePort == null && exclusiveAddressUse == null && ipv6Only == null;
    }
}
