package org.socketinspector.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socketinspector.model.SocketRecord;

/**
 * Issue 18 #13 at the parsers: ss and net-tools netstat print a process name as it is, so a local user's process
 * named {@code a\ntcp LISTEN 0} cuts its row in two. The live sources read such output with
 * {@link CaptureParser#parseSkipping}: the row is joined (ss) or the broken line skipped and named (netstat), and
 * every other socket is read. The text here is what ss 6.1 and net-tools 2.10 printed for such a process.
 */
class HostileProcessNameParseTest {

    private static final String SS = String.join("\n",
            "Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess",
            "tcp   LISTEN 0      128        127.0.0.1:41305      0.0.0.0:*    users:((\"a",
            "tcp LISTEN 0\",pid=6890,fd=3)) uid:65534 ino:12547 sk:2 cgroup:/ <->",
            "tcp   LISTEN 0      128          0.0.0.0:2024       0.0.0.0:*    ino:156 sk:1 cgroup:/ <->",
            "");

    private static final String NETSTAT = String.join("\n",
            "Active Internet connections (servers and established)",
            "Proto Recv-Q Send-Q Local Address           Foreign Address         State       User       Inode      PID/Program name",
            "tcp        0      0 127.0.0.1:37683         0.0.0.0:*               LISTEN      65534      12855      7449/a",
            "tcp 0 0 10.9",
            "tcp        0      0 0.0.0.0:2024            0.0.0.0:*               LISTEN      0          156        -",
            "");

    @Test
    void ssJoinsTheRowANameWithALineBreakCut() {
        ParsedCapture capture = new SsParser().parseSkipping(SS, "ss -tuanpe");

        assertThat(capture.sockets()).hasSize(2);
        assertThat(capture.skippedCount()).isZero();
        SocketRecord hostile = Captures.find(capture, "tcp", "127.0.0.1:41305");
        assertThat(hostile.process().name()).isEqualTo("a\ntcp LISTEN 0");
        assertThat(hostile.pid()).isEqualTo(6890);
        assertThat(hostile.uid()).isEqualTo(65534); // the owner is not lost with the line
        assertThat(hostile.inode()).isEqualTo(12547L);
        assertThat(Captures.find(capture, "tcp", "0.0.0.0:2024").inode()).isEqualTo(156L);
        assertThat(capture.limitations()).contains("ss -tuanpe:2: a process name with a line break in it continues on"
                + " the next line: read as one row");
    }

    @Test
    void ssWithoutTheRestOfTheNameKeepsTheRowAsItsFirstLineHasIt() {
        String cut = SS.substring(0, SS.indexOf("tcp LISTEN 0\""));
        ParsedCapture capture = new SsParser().parseSkipping(cut, "ss -tuanpe");

        assertThat(Captures.find(capture, "tcp", "127.0.0.1:41305").pid()).isNull();
    }

    @Test
    void aNameThatLooksLikeSsDetailsDoesNotChangeTheOwner() {
        // comm " uid:0 ino:1" (12 characters) before the real -e details
        String text = "Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\n"
                + "tcp   LISTEN 0      128        127.0.0.1:41305      0.0.0.0:*    users:((\" uid:0 ino:1\",pid=6890,fd=3))"
                + " uid:65534 ino:12547 sk:2 cgroup:/ <->\n";
        SocketRecord s = new SsParser().parseSkipping(text, "ss -tuanpe").sockets().get(0);
        assertThat(s.uid()).isEqualTo(65534);
        assertThat(s.inode()).isEqualTo(12547L);
    }

    @Test
    void aQuoteInANameIsNotTheEndOfIt() {
        // ss escapes nothing: comm a"b\x is printed as users:(("a"b\x",pid=...)); the next row is its own
        String text = "Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\n"
                + "tcp   LISTEN 0      128        127.0.0.1:60219      0.0.0.0:*    users:((\"a\"b\\x\",pid=10822,fd=3))"
                + " uid:65534 ino:19482 sk:1001 cgroup:/ <->\n"
                + "tcp   LISTEN 0      128          0.0.0.0:2024       0.0.0.0:*    ino:156 sk:1 cgroup:/ <->\n";
        ParsedCapture capture = new SsParser().parseSkipping(text, "ss -tuanpe");
        assertThat(capture.sockets()).extracting(SocketRecord::localPort).containsExactly(60219, 2024);
    }

    @Test
    void netstatSkipsAndNamesTheBrokenLineAndReadsTheRest() {
        ParsedCapture capture = new LinuxNetstatParser().parseSkipping(NETSTAT, "netstat -tuanpeW");

        assertThat(capture.sockets()).extracting(SocketRecord::localPort).containsExactly(37683, 2024);
        assertThat(capture.sockets()).noneMatch(s -> s.localAddress().startsWith("10.9"));
        assertThat(capture.skippedCount()).isOne();
        assertThat(capture.skipped()).singleElement().satisfies(s -> {
            assertThat(s.line()).isEqualTo(4);
            assertThat(s.text()).isEqualTo("tcp 0 0 10.9");
        });
        assertThat(capture.limitations())
                .contains("1 line of netstat -tuanpeW that should have been a socket could not be read and was skipped")
                .anyMatch(l -> l.startsWith("netstat -tuanpeW:4: skipped: expected "));
    }

    @Test
    void theStrictParseStillRefusesIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LinuxNetstatParser().parse(NETSTAT, "netstat"))
                .isInstanceOf(CaptureParseException.class);
    }
}
