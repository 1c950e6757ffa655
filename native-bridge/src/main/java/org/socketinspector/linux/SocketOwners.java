package org.socketinspector.linux;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which process holds which socket: every /proc/&lt;pid&gt;/fd link is read once and those that name a wanted
 * socket inode ("socket:[12345]") are kept. One pass over all processes, whatever the number of sockets.
 */
final class SocketOwners {

    /** A descriptor of a process. When several processes share a socket (fork), the lowest pid is kept. */
    record FdRef(int pid, int fd) {
    }

    private final Map<Long, FdRef> byInode;
    private final int hiddenProcesses;

    private SocketOwners(Map<Long, FdRef> byInode, int hiddenProcesses) {
        this.byInode = byInode;
        this.hiddenProcesses = hiddenProcesses;
    }

    FdRef owner(long inode) {
        return byInode.get(inode);
    }

    /** Processes whose descriptors could not be listed (no permission). */
    int hiddenProcesses() {
        return hiddenProcesses;
    }

    static SocketOwners scan(Path proc, Set<Long> wantedInodes) {
        Map<Long, FdRef> byInode = new HashMap<>(wantedInodes.size() * 2);
        int hidden = 0;
        String[] entries = proc.toFile().list();
        int[] pids = pids(entries == null ? new String[0] : entries);
        for (int pid : pids) {
            File fdDir = proc.resolve(Integer.toString(pid)).resolve("fd").toFile();
            String[] fds = fdDir.list();
            if (fds == null) {
                if (fdDir.getParentFile().exists()) {
                    hidden++; // permission denied; a process that just ended is not hidden
                }
                continue;
            }
            Path fdPath = fdDir.toPath();
            for (String fd : fds) {
                long inode = socketInode(fdPath.resolve(fd));
                if (inode > 0 && wantedInodes.contains(inode)) {
                    byInode.putIfAbsent(inode, new FdRef(pid, Integer.parseInt(fd)));
                }
            }
        }
        return new SocketOwners(byInode, hidden);
    }

    /** Process ids in ascending order, so that a shared socket is attributed to the lowest (usually the parent). */
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

    /** The inode of "socket:[12345]", or -1 when the link names something else or vanished. */
    static long socketInode(Path link) {
        String target;
        try {
            target = Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
        return parseSocketLink(target);
    }

    static long parseSocketLink(String target) {
        if (!target.startsWith("socket:[") || !target.endsWith("]")) {
            return -1;
        }
        try {
            return Long.parseLong(target, 8, target.length() - 1, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
