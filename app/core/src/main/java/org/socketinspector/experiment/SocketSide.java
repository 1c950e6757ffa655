package org.socketinspector.experiment;

import java.util.function.Consumer;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.sockets.NativeSocketException;

/**
 * One party of an experiment (victim, attacker, client), holding named native sockets: in this process
 * ({@link LocalSide}) or in a helper process running as another user or inside a namespace ({@link HelperSide}).
 */
public interface SocketSide extends AutoCloseable {

    /** The effective uid the side's sockets are created with. */
    int uid();

    void open(String socketId, Protocol protocol, Family family) throws NativeSocketException;

    void option(String socketId, SocketOption option, boolean enabled) throws NativeSocketException;

    /** Binds and returns the bound port (useful with port 0). */
    int bind(String socketId, String address, int port) throws NativeSocketException;

    void listen(String socketId) throws NativeSocketException;

    /**
     * Starts accepting connections (TCP; each one reads the client's tag) or receiving datagrams (UDP) on the
     * socket, reporting each to {@code deliveries} until the socket is closed.
     */
    void serve(String socketId, Consumer<Delivery> deliveries) throws NativeSocketException;

    /** Client role: one TCP connection that sends {@code tag} then closes, or one datagram carrying it. */
    void sendTag(Protocol protocol, String address, int port, String tag) throws NativeSocketException;

    /** Connects a socket: a TCP client, or a UDP socket to one peer (it then prefers that peer's datagrams). */
    void connect(String socketId, String address, int port) throws NativeSocketException;

    /** Accepts one pending connection on a listening socket as {@code connectionId}; false when none came in time. */
    boolean accept(String listenerId, String connectionId, int timeoutMillis) throws NativeSocketException;

    /** Sends one datagram carrying {@code tag} from the socket (a bound UDP socket) to address:port. */
    void sendFrom(String socketId, String address, int port, String tag) throws NativeSocketException;

    /**
     * The client half of an orderly close after the server closed first: waits for the server's FIN, sends its own
     * and waits until the connection is fully closed, which leaves the server side in TIME_WAIT. False when a step
     * did not happen within {@code timeoutMillis}.
     */
    boolean finishAfterPeer(String socketId, int timeoutMillis) throws NativeSocketException;

    /** The socket's inode, by which the kernel's table names it (Linux), to tell this experiment's sockets. */
    long inode(String socketId) throws NativeSocketException;

    /** Closes one socket (stopping its serving first); unknown ids are ignored. */
    void closeSocket(String socketId);

    /** Closes every socket and ends the side; never throws. */
    @Override
    void close();

    /** Closes the sides that were started (nulls are the ones a failed start never reached), in the order given. */
    static void closeAll(SocketSide... sides) {
        for (SocketSide side : sides) {
            if (side != null) {
                side.close();
            }
        }
    }
}
