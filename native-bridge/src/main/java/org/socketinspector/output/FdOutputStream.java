package org.socketinspector.output;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** An output stream over a descriptor opened by {@link SafeFile}, closing it once. Unbuffered: wrap it. */
final class FdOutputStream extends OutputStream {

    private final int fd;
    private boolean closed;

    FdOutputStream(int fd) {
        this.fd = fd;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        byte[] rest = off == 0 && len == b.length ? b : Arrays.copyOfRange(b, off, off + len);
        while (rest.length > 0) {
            int n;
            try {
                n = LinuxFiles.INSTANCE.write(fd, rest, new NativeLong(rest.length)).intValue();
            } catch (LastErrorException e) {
                if (e.getErrorCode() == LinuxFiles.EINTR) {
                    continue;
                }
                throw new IOException(Errors.text(e));
            }
            rest = Arrays.copyOfRange(rest, n, rest.length);
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            try {
                LinuxFiles.INSTANCE.close(fd);
            } catch (LastErrorException e) {
                throw new IOException(Errors.text(e)); // NFS reports a failed write at close
            }
        }
    }
}
