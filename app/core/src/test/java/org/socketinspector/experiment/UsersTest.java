package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.collect.Accounts;
import org.socketinspector.testing.FakePlatform;

/** Users are the platform's accounts: a fake platform's table, a passwd file, or only the running user (Windows). */
class UsersTest {

    @Test
    void aPlatformsAccountsNameItsUsers() throws Exception {
        Users users = Users.of(FakePlatform.withSockets());
        assertThat(users.nameOf(1000)).isEqualTo("alice");
        assertThat(users.uidOf("alice")).isEqualTo(1000);
        assertThat(users.nameOf(4711)).isEqualTo("uid4711");
        assertThat(users.uidOf("uid4711")).isEqualTo(4711);
        assertThatThrownBy(() -> users.uidOf("mallory")).isInstanceOf(ExperimentException.class)
                .hasMessageContaining("unknown user 'mallory'");
    }

    @Test
    void aPasswdFileIsReadByThePlatformsOneParser(@TempDir Path dir) throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0::/root:/bin/sh\nweb:x:33:33:::\n");
        Users users = Users.read(passwd);
        assertThat(users.nameOf(33)).isEqualTo("web");
        assertThat(users.uidOf("web")).isEqualTo(33);
        assertThat(users.nameOf(65534)).as("built in").isEqualTo("nobody");
        assertThatThrownBy(() -> users.uidOf("mallory")).hasMessageContaining("not in " + passwd);
    }

    @Test
    void whereOnlyTheRunningUserIsKnownItsNameComesFirst() throws Exception {
        Users users = Users.of(Accounts.runningUserOnly());
        assertThat(users.uidOf(System.getProperty("user.name"))).isEqualTo(Users.SELF);
        assertThat(users.uidOf("nobody")).isEqualTo(Users.NOBODY);
        assertThatThrownBy(() -> users.uidOf("mallory-" + System.nanoTime()))
                .hasMessageContaining("only the user running the experiment");
    }
}
