package org.socketinspector.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.cli.SocketInspectorCommand;
import org.socketinspector.rules.RuleEngine;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.ui.common.DialogService;
import org.socketinspector.ui.common.UiEvents.AuditOpened;
import org.socketinspector.ui.common.UiThreads;
import picocli.CommandLine;

/**
 * The GUI's "Open capture" and the CLI read a user's file through the same reader (inspect.UserFiles), so an empty,
 * binary, truncated or oversized JSON file and a FIFO nobody writes to get the same one line in the GUI's error
 * dialog as after "socket-inspector: " on the command line ({@code audit --input} and {@code import}, which read
 * the same kinds of file). And a saved audit opens as saved, even with zero findings.
 */
class OpenFileSameAsCliTest {

    @TempDir
    Path dir;
    private final List<String> said = Collections.synchronizedList(new ArrayList<>());
    private final List<AuditOpened> opened = Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.ScheduledExecutorService pool = UiThreads.pool("test-open");

    private final DialogService dialogs = new DialogService() {
        @Override
        public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, Path suggested) {
            return Optional.empty();
        }

        @Override
        public void inform(String header, String text) {
            said.add(text);
        }

        @Override
        public void error(String header, String text) {
            said.add(text);
        }

        @Override
        public boolean confirm(String header, String text, String id) {
            return false;
        }
    };

    @AfterEach
    void end() {
        pool.shutdownNow();
    }

    private MainWindowViewModel gui() {
        UiServices services = new UiServices(request -> Fixtures.labAudit(), scan -> RuleEngine.audit(scan).findings(),
                os -> Optional.empty(), Fixtures.realReplays(), Fixtures.realProbes(), Fixtures.realMatrix(List.of()),
                () -> HistoryStore.open(dir.resolve("h.db")), Fixtures.SELF_UID, Fixtures.HOST_OS);
        return new MainWindowViewModel(services, new UiThreads(pool, Runnable::run), dialogs, opened::add);
    }

    /** What the GUI's error dialog says about the file (its text; the header only repeats the name). */
    private String guiError(Path file) {
        int before = said.size();
        gui().openCapture(file);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (said.size() == before && opened.isEmpty()) {
            assertThat(System.nanoTime()).as("the GUI answers within 120 s").isLessThan(deadline);
            Thread.onSpinWait();
            try {
                Thread.sleep(10); // polling with a deadline
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(opened).as(file + " must not open").isEmpty();
        return said.get(before);
    }

    /** What the CLI prints on stderr after "socket-inspector: ", with its exit code checked. */
    private static String cliError(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SocketInspectorCommand.commandLine(Fixtures.PLATFORM);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertThat(code).as(String.join(" ", args) + ": " + err).isEqualTo(SocketInspectorCommand.EXIT_FAILURE);
        String line = err.toString().strip();
        assertThat(line.lines()).as("one line").hasSize(1);
        assertThat(line).startsWith("socket-inspector: ");
        return line.substring("socket-inspector: ".length());
    }

    @Test
    void badJsonFilesGetTheSameOneLineInTheGuiAndTheCli() throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("empty", Files.writeString(dir.resolve("empty.json"), ""));
        byte[] noise = new byte[4096];
        new Random(19).nextBytes(noise);
        files.put("binary", Files.write(dir.resolve("binary.json"), noise));
        files.put("truncated", Files.writeString(dir.resolve("truncated.json"), "{\"schema\": \"socket-inspector/scan/1\","));
        Path big = dir.resolve("oversized.json");
        try (var w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("{\"schema\": \"socket-inspector/scan/1\", \"padding\": \"");
            char[] block = new char[1 << 20];
            java.util.Arrays.fill(block, 'a');
            for (int i = 0; i < 65; i++) { // past the 64 MiB JSON limit
                w.write(block);
            }
            w.write("\"}");
        }
        files.put("oversized", big);

        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            Path file = e.getValue();
            String gui = guiError(file);
            assertThat(gui).as(e.getKey()).startsWith(file.toString() + ":").doesNotContain("\n", "Exception", "java.");
            assertThat(cliError("audit", "--input", file.toString())).as(e.getKey() + ": audit --input").isEqualTo(gui);
            assertThat(cliError("import", file.toString())).as(e.getKey() + ": import").isEqualTo(gui);
            seen.put(e.getKey(), gui);
        }
        assertThat(seen.get("truncated")).contains("line 1, column");
        assertThat(seen.get("oversized")).isEqualTo(big + ": larger than the limit of 64 MiB");
    }

    /** The GUI and the CLI wait out the same 30 s on a FIFO that never gets a writer (both at once: one wait). */
    @Test
    void aFifoNobodyWritesToGetsTheSameLine() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "needs mkfifo");
        Path guiFifo = dir.resolve("gui.fifo");
        Path cliFifo = dir.resolve("cli.fifo");
        for (Path fifo : List.of(guiFifo, cliFifo)) {
            Process mk = new ProcessBuilder("/usr/bin/mkfifo", fifo.toString()).start();
            assertThat(mk.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        CompletableFuture<String> cli = CompletableFuture.supplyAsync(() -> cliError("audit", "--input",
                cliFifo.toString()));
        String gui = guiError(guiFifo);
        String line = cli.get(120, TimeUnit.SECONDS);
        assertThat(gui).isEqualTo(guiFifo + ": nobody opened it for writing within 30 s (a FIFO without a writer?)");
        assertThat(line).isEqualTo(gui.replace(guiFifo.toString(), cliFifo.toString()));
    }

    /** The loader used to re-audit a saved audit that had no findings: it opens as saved. */
    @Test
    void aSavedAuditWithZeroFindingsOpensAsSaved() throws Exception {
        Path saved = Path.of(getClass().getResource("windows-audit-v1-no-findings.json").toURI());
        gui().openCapture(saved);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (opened.isEmpty() && said.isEmpty()) {
            assertThat(System.nanoTime()).as("opened within 60 s").isLessThan(deadline);
            Thread.sleep(10);
        }
        assertThat(said).isEmpty();
        assertThat(opened).singleElement().satisfies(e -> {
            assertThat(e.audit().findings()).as("as saved").isEmpty();
            assertThat(e.audit().scan().sockets()).hasSize(2);
        });
        // the same file's scan, audited by the rules, has a finding: the empty list above is the saved one
        assertThat(RuleEngine.audit(opened.get(0).audit().scan()).findings()).isNotEmpty();
    }
}
