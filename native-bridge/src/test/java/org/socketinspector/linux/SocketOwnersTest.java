package org.socketinspector.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /proc fd pass on a made-up /proc tree: its fd entries are plain symbolic links with socket:[n] targets. */
class SocketOwnersTest {

    @TempDir
    Path proc;

    @BeforeAll
    static void onLinux() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "readlink through libc needs Linux");
    }

    private void link(int pid, int fd, String target) throws Exception {
        Path dir = Files.createDirectories(proc.resolve(pid + "/fd"));
        Files.createSymbolicLink(dir.resolve(Integer.toString(fd)), Path.of(target));
    }

    @Test
    void findsWantedSocketsAndGivesSharedOnesToTheLowestPid() throws Exception {
        link(300, 4, "socket:[1001]");
        link(300, 5, "socket:[1002]");
        link(300, 6, "pipe:[1003]");
        link(42, 9, "socket:[1002]"); // the parent of a forked server holds the same socket
        link(42, 0, "anon_inode:[eventpoll]");
        Files.createDirectories(proc.resolve("self"));      // not a pid
        Files.createDirectories(proc.resolve("sys/kernel"));

        SocketOwners owners = SocketOwners.scan(proc, Set.of(1001L, 1002L, 1003L, 7777L));

        assertThat(owners.owner(1001)).isEqualTo(new SocketOwners.FdRef(300, 4));
        assertThat(owners.owner(1002)).isEqualTo(new SocketOwners.FdRef(42, 9));
        assertThat(owners.owner(1003)).as("a pipe with the same number is not a socket").isNull();
        assertThat(owners.owner(7777)).isNull();
        assertThat(owners.covers(Set.of(1001L, 7777L))).isTrue();
        assertThat(owners.covers(Set.of(1001L, 8888L))).isFalse();
        assertThat(owners.hiddenProcesses()).isZero();
    }

    @Test
    void aProcessWithMoreDescriptorsThanOneSliceIsReadCompletely() throws Exception {
        for (int fd = 0; fd < 5000; fd++) {
            link(7, fd, "socket:[" + (100_000 + fd) + "]");
        }
        SocketOwners owners = SocketOwners.scan(proc, Set.of(100_000L, 102_048L, 104_999L));
        assertThat(owners.owner(100_000)).isEqualTo(new SocketOwners.FdRef(7, 0));
        assertThat(owners.owner(102_048)).isEqualTo(new SocketOwners.FdRef(7, 2048));
        assertThat(owners.owner(104_999)).isEqualTo(new SocketOwners.FdRef(7, 4999));
    }
}
