package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.semantics.OsFamily;

/** The one validation of a probe request that the CLI, the GUI and LiveProbe share. */
class ProbeCheckTest {

    private static final ProbeCheck LINUX_ROOT = new ProbeCheck(OsFamily.LINUX, 0);
    private static final ProbeCheck LINUX_USER = new ProbeCheck(OsFamily.LINUX, 1000);
    private static final ProbeCheck WINDOWS = new ProbeCheck(OsFamily.WINDOWS, 1001);

    private static ProbeRequest tcp(String address, int port, int uid, SocketOption... options) {
        return new ProbeRequest(Protocol.TCP, address, port, null, Set.of(options), uid, false, null, null);
    }

    @Test
    void aGoodRequestHasNoProblem() {
        assertThat(LINUX_ROOT.problems(tcp("127.0.0.1", 8080, Users.NOBODY, SocketOption.REUSEPORT))).isEmpty();
        assertThat(WINDOWS.problems(tcp("0.0.0.0", 445, Users.SELF, SocketOption.REUSEADDR))).isEmpty();
    }

    @Test
    void eachProblemIsNamedByItsField() {
        assertThat(LINUX_ROOT.problems(tcp("192.0.2.7", 0, Users.SELF))).containsExactly(
                "Address: refusing to probe 192.0.2.7: it is not loopback, the wildcard or an address of this machine.",
                ProbeCheck.PORT);
        assertThat(LINUX_ROOT.problems(tcp("127.0.0.1", 80, Users.SELF, SocketOption.EXCLUSIVEADDRUSE)))
                .containsExactly("Options: SO_EXCLUSIVEADDRUSE does not exist on linux.");
        assertThat(WINDOWS.problems(tcp("127.0.0.1", 80, Users.SELF, SocketOption.REUSEPORT)))
                .containsExactly("Options: SO_REUSEPORT does not exist on windows.");
        assertThat(WINDOWS.problems(tcp("127.0.0.1", 80, Users.SELF, SocketOption.REUSEADDR,
                SocketOption.EXCLUSIVEADDRUSE))).singleElement().asString().contains("exclude each other");
        assertThat(LINUX_ROOT.problems(tcp("127.0.0.1", 80, Users.SELF, SocketOption.V6ONLY)))
                .containsExactly("Options: IPV6_V6ONLY applies to an IPv6 probe address only.");
        assertThat(LINUX_ROOT.problems(tcp("::1", 80, Users.SELF, SocketOption.V6ONLY))).isEmpty();
        assertThat(LINUX_USER.problems(tcp("127.0.0.1", 80, Users.NOBODY)))
                .containsExactly("User: only root on Linux can probe as another user.");
        assertThat(LINUX_USER.problems(tcp("127.0.0.1", 80, 1000))).as("oneself by uid").isEmpty();
        assertThat(LINUX_ROOT.problems(new ProbeRequest(Protocol.UDP, "127.0.0.1", 53, "::1", Set.of(), -1, false,
                null, null))).singleElement().asString().startsWith("UDP: a UDP probe needs an explicit opt-in");
    }

    @Test
    void theEngineRefusesWhatTheFrontEndsRefuse() {
        assertThatThrownBy(() -> LINUX_ROOT.require(tcp("localhost", 70000, Users.SELF)))
                .isInstanceOf(ExperimentException.class)
                .hasMessageContaining("host names are never resolved").hasMessageContaining(ProbeCheck.PORT);
    }

    @Test
    void aUserTableIsReadOnceAndKeptUntilReadAgain(@TempDir Path dir) throws Exception {
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, "root:x:0:0::/root:/bin/sh\nalice:x:4242:4242::/home/alice:/bin/sh\n");
        Users table = Users.read(passwd);
        Files.delete(passwd);

        assertThat(table.uidOf("alice")).as("from the table read before the file went").isEqualTo(4242);
        assertThat(table.nameOf(4242)).isEqualTo("alice");
        assertThatThrownBy(() -> Users.read(passwd).uidOf("alice")).isInstanceOf(ExperimentException.class)
                .hasMessageContaining("unknown user 'alice'");
    }
}
