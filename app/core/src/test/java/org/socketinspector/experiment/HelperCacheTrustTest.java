package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The helper's classpath cache lives in a shared temporary folder. A copy in it is run (as root, or as the uid an
 * experiment acts as) only if every file in it is ours and nobody else may change it: another user who planted
 * or can rewrite a class there would otherwise run code as root.
 */
class HelperCacheTrustTest {

    @TempDir
    Path cache;

    @Test
    void onlyOurOwnUnwritableCopiesAreTrusted() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "needs unix uids");
        int self = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        Path copy = Files.createDirectory(cache.resolve("abc-classes"));
        Path helper = Files.writeString(copy.resolve("HelperMain.class"), "cafebabe");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(HelperLauncher.trusted(copy, self)).isTrue();

        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(HelperLauncher.trusted(copy, self)).as("writable by others").isFalse();
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rw-r--r--"));

        Path planted = Files.createSymbolicLink(copy.resolve("Extra.class"), helper);
        assertThat(HelperLauncher.trusted(copy, self)).as("a link").isFalse();
        Files.delete(planted);

        assumeTrue(self == 0, "needs root to give a file to uid 65534");
        Files.setAttribute(helper, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        assertThat(HelperLauncher.trusted(copy, self)).as("owned by another user").isFalse();
    }
}
