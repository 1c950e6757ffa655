package org.socketinspector.wine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.socketinspector.windows.WindowsRandom;

/**
 * Runs the named test classes on this JVM (the Windows runtime under Wine, started by WindowsTestsOnWineTest) in one
 * launch, and prints one line per class, {@code wine-tests: CLASS passed=N failed=N skipped=N}, plus one line per
 * failure. Exit 0 when every class ran at least one test and none failed.
 */
public final class WindowsTestsMain {

    private WindowsTestsMain() {
    }

    public static void main(String[] classes) {
        // As the application's mains do (Platform.forThisMachine): @TempDir and JNA need a SecureRandom first.
        WindowsRandom.preferOsGenerator();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Tally tally = new Tally(out);
        Arrays.stream(classes).forEach(c -> tally.counts.put(c, new int[3]));
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(classes).map(c -> selectClass(c)).toList()).build(), tally);
        boolean ok = true;
        for (Map.Entry<String, int[]> e : tally.counts.entrySet()) {
            int[] n = e.getValue();
            out.println("wine-tests: " + e.getKey() + " passed=" + n[0] + " failed=" + n[1] + " skipped=" + n[2]);
            ok &= n[0] > 0 && n[1] == 0;
        }
        System.exit(ok ? 0 : 1);
    }

    /** Passed, failed and skipped tests per class; failures printed as they happen. */
    private static final class Tally implements TestExecutionListener {
        final Map<String, int[]> counts = new TreeMap<>();
        private final PrintStream out;

        Tally(PrintStream out) {
            this.out = out;
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            String c = className(id);
            if (c != null && (id.isTest() || id.getSource().orElse(null) instanceof ClassSource)) {
                counts.computeIfAbsent(c, k -> new int[3])[2]++;
                out.println("wine-tests: SKIPPED " + c + " " + id.getDisplayName() + ": " + reason);
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            String c = className(id);
            boolean failed = result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
            if (c == null || (!id.isTest() && !failed)) {
                return;
            }
            int[] n = counts.computeIfAbsent(c, k -> new int[3]);
            if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                n[2]++;
            } else if (failed) {
                n[1]++;
            } else {
                n[0]++;
            }
            result.getThrowable().ifPresent(t -> {
                out.println("wine-tests: " + result.getStatus() + " " + c + " " + id.getDisplayName() + ": "
                        + String.valueOf(t).replaceAll("\\s+", " "));
                if (failed) {
                    t.printStackTrace(System.err);
                }
            });
        }

        private static String className(TestIdentifier id) {
            TestSource source = id.getSource().orElse(null);
            if (source instanceof MethodSource m) {
                return m.getClassName();
            }
            return source instanceof ClassSource c ? c.getClassName() : null;
        }
    }
}
