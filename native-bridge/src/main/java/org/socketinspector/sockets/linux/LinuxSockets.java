package org.socketinspector.sockets.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.socketinspector.model.Family;
import org.socketinspector.model.OsKind;
import org.socketinspector.model.Protocol;
import org.socketinspector.nativeio.Errno;
import org.socketinspector.nativeio.LibC;
import org.socketinspector.sockets.NativeSocketException;
import org.socketinspector.sockets.NativeSockets;
import org.socketinspector.model.SocketOption;
import org.socketinspector.sockets.MappedAddress;

/**
 * {@link NativeSockets} on Linux through libc. Sockets are opened with SOCK_CLOEXEC so that no helper process
 * inherits them. Waits (accept, receive) use poll(2) with a timeout so that a cancelled experiment never hangs.
 */
public final class LinuxSockets implements NativeSockets {

    @Override
    public OsKind os() {
        return OsKind.LINUX;
    }


    private static final LibC C = LibC.INSTANCE;

    @Override
    public long open(Protocol protocol, Family family) throws NativeSocketException {
        int domain = family == Family.IPV4 ? LibC.AF_INET : LibC.AF_INET6;
        int type = (protocol == Protocol.TCP ? LibC.SOCK_STREAM : LibC.SOCK_DGRAM) | LibC.SOCK_CLOEXEC;
        try {
            return C.socket(domain, type, 0);
        } catch (LastErrorException e) {
            throw failure("socket", e, protocol.wireName() + "/" + family.wireName());
        }
    }

    @Override
    public void setOption(long socket, SocketOption option, boolean enabled) throws NativeSocketException {
        int level = option == SocketOption.V6ONLY ? LibC.IPPROTO_IPV6 : LibC.SOL_SOCKET;
        int name = switch (option) {
            case REUSEADDR -> LibC.SO_REUSEADDR;
            case REUSEPORT -> LibC.SO_REUSEPORT;
            case V6ONLY -> LibC.IPV6_V6ONLY;
            case EXCLUSIVEADDRUSE -> throw new NativeSocketException("setsockopt", "ENOPROTOOPT", 92,
                    "SO_EXCLUSIVEADDRUSE exists only on Windows");
        };
        try {
            C.setsockopt(fd(socket), level, name, new IntByReference(enabled ? 1 : 0), Integer.BYTES);
        } catch (LastErrorException e) {
            throw failure("setsockopt", e, option.name());
        }
    }

    @Override
    public void bind(long socket, String address, int port) throws NativeSocketException {
        Structure sockaddr = sockaddr(address, port);
        try {
            C.bind(fd(socket), sockaddr.getPointer(), sockaddr.size());
        } catch (LastErrorException e) {
            throw failure("bind", e, address + " port " + port);
        }
    }

    @Override
    public void listen(long socket, int backlog) throws NativeSocketException {
        try {
            C.listen(fd(socket), backlog);
        } catch (LastErrorException e) {
            throw failure("listen", e, null);
        }
    }

    @Override
    public java.util.List<org.socketinspector.sockets.PortHolder> holders(Protocol protocol, int port)
            throws java.io.IOException {
        return org.socketinspector.linux.PortTable.holders(protocol, port).stream()
                .map(e -> new org.socketinspector.sockets.PortHolder(protocol, e.localAddress(), port, e.state(), e.uid(),
                        e.inode(), null))
                .toList();
    }

    @Override
    public long inode(long socket) throws NativeSocketException {
        String link;
        try {
            link = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/" + fd(socket))).toString();
        } catch (java.io.IOException e) {
            throw new NativeSocketException("readlink", "EBADF", 9, "/proc/self/fd/" + fd(socket));
        }
        if (!link.startsWith("socket:[") || !link.endsWith("]")) {
            throw new NativeSocketException("readlink", "ENOTSOCK", 88, "/proc/self/fd/" + fd(socket) + " is " + link);
        }
        return Long.parseLong(link.substring(8, link.length() - 1));
    }

    @Override
    public Long pidHolding(long inode) {
        return org.socketinspector.linux.PortTable.pidHolding(inode);
    }

    @Override
    public int localPort(long socket) throws NativeSocketException {
        // sockaddr_in and sockaddr_in6 both keep the port at offset 2, in network byte order.
        Memory buffer = new Memory(new SockaddrIn6().size());
        buffer.clear();
        try {
            C.getsockname(fd(socket), buffer, new IntByReference((int) buffer.size()));
        } catch (LastErrorException e) {
            throw failure("getsockname", e, null);
        }
        return ((buffer.getByte(2) & 0xFF) << 8) | (buffer.getByte(3) & 0xFF);
    }

    @Override
    public void close(long socket) {
        try {
            C.close(fd(socket));
        } catch (LastErrorException e) {
            // Nothing useful to do: the descriptor is released by the kernel even when close reports an error.
        }
    }

    @Override
    public long accept(long socket, int timeoutMillis) throws NativeSocketException {
        if (!readable(socket, timeoutMillis)) {
            return -1;
        }
        try {
            return C.accept4(fd(socket), Pointer.NULL, Pointer.NULL, LibC.SOCK_CLOEXEC);
        } catch (LastErrorException e) {
            throw failure("accept", e, null);
        }
    }

    @Override
    public void connect(long socket, String address, int port) throws NativeSocketException {
        Structure sockaddr = sockaddr(address, port);
        try {
            C.connect(fd(socket), sockaddr.getPointer(), sockaddr.size());
        } catch (LastErrorException e) {
            throw failure("connect", e, address + " port " + port);
        }
    }

    @Override
    public void send(long socket, byte[] data, String address, int port) throws NativeSocketException {
        Structure sockaddr = address == null ? null : sockaddr(address, port);
        try {
            C.sendto(fd(socket), data, new NativeLong(data.length), 0,
                    sockaddr == null ? Pointer.NULL : sockaddr.getPointer(), sockaddr == null ? 0 : sockaddr.size());
        } catch (LastErrorException e) {
            throw failure("sendto", e, address == null ? null : address + " port " + port);
        }
    }

    @Override
    public byte[] receive(long socket, int maxBytes, int timeoutMillis) throws NativeSocketException {
        if (!readable(socket, timeoutMillis)) {
            return null;
        }
        byte[] buffer = new byte[maxBytes];
        try {
            long n = C.recv(fd(socket), buffer, new NativeLong(maxBytes), 0).longValue();
            return Arrays.copyOf(buffer, (int) n);
        } catch (LastErrorException e) {
            throw failure("recv", e, null);
        }
    }

    @Override
    public void shutdownOutput(long socket) throws NativeSocketException {
        try {
            C.shutdown(fd(socket), LibC.SHUT_WR);
        } catch (LastErrorException e) {
            throw failure("shutdown", e, null);
        }
    }

    @Override
    public int tcpState(long socket) throws NativeSocketException {
        // struct tcp_info starts with the one-byte tcpi_state; the kernel copies as much as asked for.
        IntByReference value = new IntByReference();
        try {
            C.getsockopt(fd(socket), LibC.IPPROTO_TCP, LibC.TCP_INFO, value, new IntByReference(Integer.BYTES));
        } catch (LastErrorException e) {
            throw failure("getsockopt", e, "TCP_INFO");
        }
        return value.getValue() & 0xff;
    }

    @Override
    public boolean isListening(long socket) throws NativeSocketException {
        IntByReference value = new IntByReference();
        try {
            C.getsockopt(fd(socket), LibC.SOL_SOCKET, LibC.SO_ACCEPTCONN, value, new IntByReference(Integer.BYTES));
        } catch (LastErrorException e) {
            throw failure("getsockopt", e, "SO_ACCEPTCONN");
        }
        return value.getValue() != 0;
    }

    private static boolean readable(long socket, int timeoutMillis) throws NativeSocketException {
        // struct pollfd { int fd; short events; short revents; }
        Memory pollfd = new Memory(8);
        pollfd.setInt(0, fd(socket));
        pollfd.setShort(4, LibC.POLLIN);
        pollfd.setShort(6, (short) 0);
        try {
            return C.poll(pollfd, 1, Math.max(0, timeoutMillis)) > 0;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == 4) { // EINTR: a signal arrived; report it as a timeout, callers loop anyway
                return false;
            }
            throw failure("poll", e, null);
        }
    }

    /** A sockaddr_in or sockaddr_in6 for an address literal; host names are refused (no DNS, ever). */
    static Structure sockaddr(String address, int port) throws NativeSocketException {
        if (port < 0 || port > 65535) {
            throw new NativeSocketException("bind", "EINVAL", 22, "port " + port + " outside 0..65535");
        }
        byte[] portBytes = {(byte) (port >>> 8), (byte) port};
        InetAddress ip = literal(address);
        // Java parses an IPv4-mapped literal (::ffff:127.0.0.1) as an IPv4 address; keep it an IPv6 sockaddr.
        boolean mapped = ip instanceof Inet4Address && address.indexOf(':') >= 0;
        if (ip instanceof Inet4Address && !mapped) {
            SockaddrIn in = new SockaddrIn();
            in.sin_family = LibC.AF_INET;
            in.sin_port = portBytes;
            in.sin_addr = ip.getAddress();
            in.write();
            return in;
        }
        SockaddrIn6 in6 = new SockaddrIn6();
        in6.sin6_family = LibC.AF_INET6;
        in6.sin6_port = portBytes;
        in6.sin6_addr = mapped ? MappedAddress.of(ip.getAddress()) : ip.getAddress();
        in6.sin6_scope_id = mapped ? 0 : ((Inet6Address) ip).getScopeId();
        in6.write();
        return in6;
    }

    private static InetAddress literal(String address) throws NativeSocketException {
        String text = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!text.matches("[0-9A-Fa-f:.%]+") || (text.indexOf(':') < 0 && !text.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"))) {
            throw new NativeSocketException("bind", "EINVAL", 22, "'" + address + "' is not an IP address literal");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new NativeSocketException("bind", "EINVAL", 22, "'" + address + "' is not an IP address literal");
        }
    }

    private static int fd(long socket) {
        return Math.toIntExact(socket);
    }

    private static NativeSocketException failure(String call, LastErrorException e, String detail) {
        return new NativeSocketException(call, Errno.name(e.getErrorCode()), e.getErrorCode(), detail);
    }
}
