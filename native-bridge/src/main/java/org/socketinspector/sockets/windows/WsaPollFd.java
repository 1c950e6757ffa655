package org.socketinspector.sockets.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;

/**
 * One WSAPOLLFD (winsock2.h) in native memory: {@code SOCKET fd; SHORT events; SHORT revents;}. SOCKET is pointer
 * sized, so the shorts sit at offset 8 and the struct takes 16 bytes on 64-bit Windows (8 at offset 4, 8 bytes, on
 * 32-bit). Kept as plain memory with these offsets so that the layout is tested anywhere.
 */
final class WsaPollFd {

    static final int EVENTS_OFFSET = Native.POINTER_SIZE;
    static final int REVENTS_OFFSET = EVENTS_OFFSET + 2;
    static final int SIZE = Native.POINTER_SIZE == 8 ? 16 : 8;

    private WsaPollFd() {
    }

    /** A WSAPOLLFD asking for {@code events} on {@code socket}. */
    static Memory of(long socket, short events) {
        Memory fd = new Memory(SIZE);
        fd.clear();
        if (Native.POINTER_SIZE == 8) {
            fd.setLong(0, socket);
        } else {
            fd.setInt(0, (int) socket);
        }
        fd.setShort(EVENTS_OFFSET, events);
        return fd;
    }

    static short revents(Memory fd) {
        return fd.getShort(REVENTS_OFFSET);
    }
}
