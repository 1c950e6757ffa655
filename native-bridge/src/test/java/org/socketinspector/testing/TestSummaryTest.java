package org.socketinspector.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's test summary (.ci/TestSummary.java, run by .ci/run after the build) on surefire reports of two modules:
 * the counts, every skipped test with its reason and every failed one, and the plain last line.
 */
class TestSummaryTest {

    private static final Path PROGRAM = Path.of("").toAbsolutePath().getParent().resolve(".ci/TestSummary.java");

    @TempDir
    Path root;

    @Test
    void countsAndListsEverySkippedAndFailedTestWithItsReason() throws Exception {
        report("native-bridge", "org.x.LiveTest", """
                <testcase name="passes" classname="org.x.LiveTest" time="0.1"/>
                <testcase name="needsRoot" classname="org.x.LiveTest" time="0">
                  <skipped message="Assumption failed: needs root&#10;to start a helper"/>
                </testcase>
                <testcase name="onWindows" classname="org.x.LiveTest" time="0">
                  <skipped message="Disabled on operating system: Linux"/>
                </testcase>""");
        report("app/gui", "org.y.GuiTest", """
                <testcase name="shows" classname="org.y.GuiTest" time="1"/>
                <testcase name="breaks" classname="org.y.GuiTest" time="1">
                  <failure message="expected: 1&#127;[31m&#9;but was: 2" type="org.opentest4j.AssertionFailedError">trace</failure>
                </testcase>
                <testcase name="errs" classname="org.y.GuiTest" time="1"><error message="boom"/></testcase>
                <testcase name="silently" classname="org.y.GuiTest" time="0"><skipped/></testcase>""");
        Files.writeString(root.resolve("app/gui/target/surefire-reports/TEST-org.y.Cut.xml"), "<testsuite><testcase");

        List<String> out = run(root);

        assertThat(out).contains(
                "native-bridge      1 passed, 0 failed, 2 skipped",
                "app/gui            1 passed, 2 failed, 1 skipped",
                "  native-bridge org.x.LiveTest.needsRoot: Assumption failed: needs root to start a helper",
                "  native-bridge org.x.LiveTest.onWindows: Disabled on operating system: Linux",
                "  app/gui org.y.GuiTest.silently: (no reason given)",
                "  app/gui org.y.GuiTest.breaks: expected: 1\\u007f[31m but was: 2",
                "  app/gui org.y.GuiTest.errs: boom",
                "unreadable report app/gui/target/surefire-reports/TEST-org.y.Cut.xml: not counted");
        assertThat(out.get(out.size() - 1)).isEqualTo("tests: 2 passed, 2 failed, 3 skipped");
    }

    @Test
    void saysSoWhenNoTestRan() throws Exception {
        List<String> out = run(root);
        assertThat(out).contains("no surefire report found: no test ran");
        assertThat(out.get(out.size() - 1)).isEqualTo("tests: 0 passed, 0 failed, 0 skipped");
    }

    private void report(String module, String suite, String cases) throws Exception {
        Path dir = Files.createDirectories(root.resolve(module).resolve("target/surefire-reports"));
        Files.writeString(dir.resolve("TEST-" + suite + ".xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"" + suite + "\">\n" + cases + "\n</testsuite>\n");
    }

    private static List<String> run(Path root) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                PROGRAM.toString(), root.toString()).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text.lines().toList();
    }
}
