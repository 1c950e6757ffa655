package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.testing.RootTest;

/** Helper processes: started as the asked uid, gone when their control pipe closes, classpath readable. */
@EnabledOnOs(OS.LINUX)
class HelperLauncherTest {

    @Test
    void theNamedHelperMainIsTheHelperPackagesMain() throws Exception {
        Class<?> main = Class.forName(HelperLauncher.HELPER_MAIN);
        assertThat(main.getPackageName()).isEqualTo("org.socketinspector.experiment.helper");
        java.lang.reflect.Method method = main.getMethod("main", String[].class);
        assertThat(java.lang.reflect.Modifier.isStatic(method.getModifiers())).isTrue();
        assertThat(main.getProtectionDomain().getCodeSource().getLocation())
                .as("the launcher puts its own module on the helper's class path")
                .isEqualTo(HelperLauncher.class.getProtectionDomain().getCodeSource().getLocation());
    }


    @TempDir
    Path dir;

    @Test
    void helperExitsByItselfWhenItsControlPipeCloses() throws Exception {
        Process helper = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.socketinspector.experiment.helper.HelperMain",
                Long.toString(ProcessHandle.current().pid())).start();
        try {
            assertThat(new String(helper.getInputStream().readNBytes(6))).isEqualTo("ready ");
            helper.getOutputStream().close();
            assertThat(helper.waitFor(30, TimeUnit.SECONDS)).as("helper exited after stdin closed").isTrue();
            assertThat(helper.exitValue()).isZero();
        } finally {
            helper.destroyForcibly();
        }
    }

    @Test
    void helperRefusesToStartWhenItsParentIsNotTheOneNamed() throws Exception {
        Process helper = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.socketinspector.experiment.helper.HelperMain", "1").start();
        assertThat(helper.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(helper.exitValue()).as("a helper whose parent already died exits at once").isEqualTo(3);
    }

    @RootTest
    @Test
    void startsUnderAnotherUidAndIsEndedByPid() throws Exception {
        Assumptions.assumeTrue(ThisMachine.PLATFORM.processes().effectiveUid() == 0, "needs root to start a helper as uid 65534");
        HelperLauncher launcher = new HelperLauncher(ThisMachine.PLATFORM.processes());
        HelperSide helper = launcher.start(Users.NOBODY, null);
        ProcessHandle handle = ProcessHandle.of(helper.pid()).orElseThrow();
        assertThat(helper.uid()).isEqualTo(Users.NOBODY);
        assertThat(launcher.pids()).containsExactly(helper.pid());
        assertThat(HelperLauncher.livePids()).as("as the OS sees this process's children").contains(helper.pid());
        helper.close();
        assertThat(handle.isAlive()).isFalse();
        assertThat(launcher.pids()).isEmpty();
        assertThat(HelperLauncher.livePids()).doesNotContain(helper.pid());
    }

    @Test
    void readabilityFollowsEveryParentFolder() throws Exception {
        Path privateDir = Files.createDirectory(dir.resolve("private"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path jar = Files.writeString(privateDir.resolve("a.jar"), "x");
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path readable = Files.writeString(open.resolve("b.jar"), "x");
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(HelperLauncher.readableBy(jar, Users.NOBODY)).isFalse();
        assertThat(HelperLauncher.readableBy(readable, Users.NOBODY)).isTrue();
        assertThat(HelperLauncher.readableBy(Path.of(System.getProperty("java.home"), "bin", "java"), Users.NOBODY)).isTrue();
    }
}
