package org.socketinspector.windows;

import org.socketinspector.model.Family;
import org.socketinspector.model.OsKind;
import org.socketinspector.model.Protocol;
import org.socketinspector.sockets.NativeSocketException;
import org.socketinspector.sockets.NativeSockets;
import org.socketinspector.model.SocketOption;
import org.socketinspector.sockets.windows.WinsockErrors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A NativeSockets that logs every call and fails the binds (or opens) it is told to, with Winsock codes. */
final class FakeSockets implements NativeSockets {

    @Override
    public OsKind os() {
        return OsKind.WINDOWS;
    }

    final List<String> calls = new ArrayList<>();
    final Map<String, Integer> bindErrors = new HashMap<>();
    Integer openError;
    Integer setOptionError;
    private long next = 100;

    FakeSockets failBind(String endpoint, int code) {
        bindErrors.put(endpoint, code);
        return this;
    }

    @Override
    public long open(Protocol protocol, Family family) throws NativeSocketException {
        calls.add("socket " + protocol + " " + family);
        if (openError != null) {
            throw error("socket", openError);
        }
        return next++;
    }

    @Override
    public void setOption(long socket, SocketOption option, boolean enabled) throws NativeSocketException {
        calls.add("setsockopt " + socket + " " + option + "=" + enabled);
        if (setOptionError != null) {
            throw error("setsockopt", setOptionError);
        }
    }

    @Override
    public void bind(long socket, String address, int port) throws NativeSocketException {
        String endpoint = org.socketinspector.model.Endpoints.format(address, port);
        calls.add("bind " + socket + " " + endpoint);
        Integer code = bindErrors.get(endpoint);
        if (code != null) {
            throw error("bind", code);
        }
    }

    @Override
    public void listen(long socket, int backlog) {
        calls.add("listen " + socket);
    }

    @Override
    public int localPort(long socket) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close(long socket) {
        calls.add("close " + socket);
    }

    private static NativeSocketException error(String call, int code) {
        return new NativeSocketException(call, WinsockErrors.name(code), code, null);
    }
}
