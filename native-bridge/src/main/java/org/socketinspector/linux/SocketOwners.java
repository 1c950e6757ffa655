package org.socketinspector.linux;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which process holds which socket: every /proc/&lt;pid&gt;/fd link is read once and those that name a wanted
 * socket inode ("socket:[12345]") are kept. One pass over all processes, whatever the number of sockets.
 * The wanted set must be safe for concurrent reads (a HashSet that is no longer modified is).
 */
final class SocketOwners {

    /** A descriptor of a process. */
    record FdRef(int pid, int fd) {
    }

    private final Map<Long, FdRef> byInode;
    private final Set<Long> searched;
    private final int hiddenProcesses;

    private SocketOwners(Map<Long, FdRef> byInode, Set<Long> searched, int hiddenProcesses) {
        this.byInode = byInode;
        this.searched = searched;
        this.hiddenProcesses = hiddenProcesses;
    }

    /** Whether this pass looked for every one of these inodes (found or not). */
    boolean covers(Set<Long> inodes) {
        return searched.containsAll(inodes);
    }

    FdRef owner(long inode) {
        return byInode.get(inode);
    }

    /** Processes whose descriptors could not be listed (no permission). */
    int hiddenProcesses() {
        return hiddenProcesses;
    }

    /** Descriptors per parallel task: large enough to amortize a task, small enough to spread one big process. */
    private static final int FDS_PER_TASK = 2048;

    /** A slice of one process's descriptor list. */
    private record Slice(int pid, String fdDir, String[] fds, int from, int to) {
    }

    /**
     * Lists every process's descriptors, then reads the links in parallel slices (the readlink calls are the
     * cost: a few microseconds of kernel time each, 60,000 of them with 30,000 connections).
     */
    static SocketOwners scan(Path proc, Set<Long> wantedInodes) {
        List<Slice> slices = new ArrayList<>();
        int hidden = 0;
        String[] entries = proc.toFile().list();
        for (int pid : pids(entries == null ? new String[0] : entries)) {
            String fdDir = proc + "/" + pid + "/fd/";
            String[] fds = new File(fdDir).list();
            if (fds == null) {
                if (new File(proc + "/" + pid).exists()) {
                    hidden++; // permission denied; a process that just ended is not hidden
                }
                continue;
            }
            for (int from = 0; from < fds.length; from += FDS_PER_TASK) {
                slices.add(new Slice(pid, fdDir, fds, from, Math.min(fds.length, from + FDS_PER_TASK)));
            }
        }
        Map<Long, FdRef> byInode = new ConcurrentHashMap<>(wantedInodes.size() * 2);
        slices.parallelStream().forEach(slice -> {
            LinkReader links = new LinkReader();
            links.directory(slice.fdDir());
            for (int i = slice.from(); i < slice.to(); i++) {
                long inode = links.socketInode(slice.fds()[i]);
                if (inode > 0 && wantedInodes.contains(inode)) {
                    // A socket shared by several processes (fork) goes to the lowest pid, usually the parent.
                    byInode.merge(inode, new FdRef(slice.pid(), Integer.parseInt(slice.fds()[i])),
                            (a, b) -> a.pid() <= b.pid() ? a : b);
                }
            }
        });
        return new SocketOwners(byInode, wantedInodes, hidden);
    }

    /**
     * Reads /proc/&lt;pid&gt;/fd/&lt;n&gt; links with readlink(2) into reused byte buffers: no Path or String per
     * descriptor, which made this pass the slowest part of a scan with tens of thousands of sockets.
     */
    private static final class LinkReader {
        private final byte[] path = new byte[4096];
        private final byte[] target = new byte[64]; // "socket:[4294967295]" fits; longer targets are not sockets
        private int prefixLength;

        void directory(String fdDir) {
            prefixLength = ascii(fdDir, path, 0);
        }

        long socketInode(String fd) {
            int end = ascii(fd, path, prefixLength);
            path[end] = 0;
            if (!NativeAccess.available()) {
                return viaNio(fd);
            }
            long length = LinuxLibc.readlink(path, target, target.length);
            return length <= 0 ? -1 : parseSocketLink(target, (int) length);
        }

        private long viaNio(String fd) {
            try {
                byte[] text = Files.readSymbolicLink(Path.of(new String(path, 0, prefixLength,
                        StandardCharsets.US_ASCII), fd)).toString().getBytes(StandardCharsets.US_ASCII);
                return text.length > target.length ? -1 : parseSocketLink(text, text.length);
            } catch (IOException e) {
                return -1;
            }
        }

        private static int ascii(String text, byte[] into, int at) {
            for (int i = 0; i < text.length(); i++) {
                into[at++] = (byte) text.charAt(i);
            }
            return at;
        }
    }

    /** Process ids in ascending order. */
    private static int[] pids(String[] entries) {
        return java.util.Arrays.stream(entries).filter(SocketOwners::isNumber).mapToInt(Integer::parseInt)
                .sorted().toArray();
    }

    private static boolean isNumber(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return !name.isEmpty();
    }

    private static final byte[] SOCKET_PREFIX = "socket:[".getBytes(StandardCharsets.US_ASCII);

    /** The inode in a link target "socket:[12345]" (the first {@code length} bytes), or -1 for anything else. */
    static long parseSocketLink(byte[] target, int length) {
        if (length <= SOCKET_PREFIX.length + 1 || target[length - 1] != ']') {
            return -1;
        }
        for (int i = 0; i < SOCKET_PREFIX.length; i++) {
            if (target[i] != SOCKET_PREFIX[i]) {
                return -1;
            }
        }
        long inode = 0;
        for (int i = SOCKET_PREFIX.length; i < length - 1; i++) {
            int digit = target[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            inode = inode * 10 + digit;
        }
        return inode;
    }
}
