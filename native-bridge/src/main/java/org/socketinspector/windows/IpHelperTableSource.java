package org.socketinspector.windows;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.IPHlpAPI;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.ptr.IntByReference;
import org.socketinspector.model.Protocol;

/** The real {@link TableSource}: jna-platform's {@code IPHlpAPI} declarations, nothing else. Windows only. */
public final class IpHelperTableSource implements TableSource {

    @Override
    public Attempt fetch(TableKind kind, int bufferSize) {
        try (Memory memory = bufferSize > 0 ? new Memory(bufferSize) : null) {
            Pointer buffer = memory;
            IntByReference size = new IntByReference(bufferSize);
            // bOrder = TRUE: rows sorted by local address/port, as netstat shows them; Reserved must be 0.
            int status = kind.protocol() == Protocol.TCP
                    ? IPHlpAPI.INSTANCE.GetExtendedTcpTable(buffer, size, true, kind.addressFamily(), kind.tableClass(), 0)
                    : IPHlpAPI.INSTANCE.GetExtendedUdpTable(buffer, size, true, kind.addressFamily(), kind.tableClass(), 0);
            byte[] bytes = status == WinError.NO_ERROR && memory != null
                    ? memory.getByteArray(0, bufferSize) : new byte[0];
            return new Attempt(status, size.getValue(), bytes);
        }
    }
}
