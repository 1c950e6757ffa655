package org.socketinspector.sockets.windows;

import org.socketinspector.model.SocketOption;

/** The setsockopt level and name of each {@link SocketOption} on Windows; SO_REUSEPORT does not exist there. */
final class WinsockOptions {

    private WinsockOptions() {
    }

    /** {level, optname}, or null when Windows has no such option. */
    static int[] levelAndName(SocketOption option) {
        return switch (option) {
            case REUSEADDR -> new int[] {Ws2_32.SOL_SOCKET, Ws2_32.SO_REUSEADDR};
            case EXCLUSIVEADDRUSE -> new int[] {Ws2_32.SOL_SOCKET, Ws2_32.SO_EXCLUSIVEADDRUSE};
            case V6ONLY -> new int[] {Ws2_32.IPPROTO_IPV6, Ws2_32.IPV6_V6ONLY};
            case REUSEPORT -> null;
        };
    }
}
