package org.socketinspector.sockets;

import org.socketinspector.model.Protocol;

/**
 * A socket that holds a port in the kernel's table at the moment it was read (see {@link NativeSockets#holders}).
 *
 * @param state the kernel's state name (LISTEN, BOUND, ESTABLISHED, TIME_WAIT, UDP's CLOSE ...)
 * @param uid   the owner's uid; null where the kernel does not say (TIME_WAIT)
 * @param inode the socket inode; 0 for sockets no process holds (TIME_WAIT)
 * @param pid   a process holding it, looked up only on request ({@link NativeSockets#pidHolding}); null if unknown
 */
public record PortHolder(Protocol protocol, String localAddress, int port, String state, Long uid, long inode,
                         Long pid) {

    public PortHolder withPid(Long newPid) {
        return new PortHolder(protocol, localAddress, port, state, uid, inode, newPid);
    }
}
