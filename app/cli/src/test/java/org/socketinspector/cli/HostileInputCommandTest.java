package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.json.Json;

/**
 * Issue 14, attacked the way a local user or a hostile file would: a process name that drives root's terminal,
 * symbolic links planted at output paths, endless and malformed input, JSON that breaks the contract.
 */
class HostileInputCommandTest {

    @TempDir
    Path dir;

    // 1. Terminal injection ----------------------------------------------------------------------------------------

    @Test
    void aProcessNamedWithEscapesAndANewlineIsPrintedEscapedByScan() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "prctl(PR_SET_NAME) is Linux");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3 for ctypes prctl");
        // What any local user can do: name their process ESC[2J (clear root's screen) + a newline and a fake row.
        String script = "import ctypes,socket,sys\n"
                + "ctypes.CDLL(None).prctl(15, b'\\x1b[2Jev\\nFAKEROW', 0, 0, 0)\n"
                + "s=socket.socket(); s.bind(('127.0.0.1',0)); s.listen()\n"
                + "print(s.getsockname()[1], flush=True); sys.stdin.read()\n";
        Process evil = new ProcessBuilder("/usr/bin/python3", "-c", script).start();
        try {
            String port = new BufferedReader(new InputStreamReader(evil.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            CliRun run = CliRun.run("scan");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).doesNotContain("\u001b").contains("\\x1B[2Jev\\x0AFAKEROW");
            assertThat(run.out().lines()).noneMatch(l -> l.startsWith("FAKEROW"));
            assertThat(run.out().lines().filter(l -> l.contains("127.0.0.1:" + port + " ")))
                    .singleElement().asString().contains("\\x1B[2Jev\\x0AFAKEROW");
        } finally {
            evil.destroyForcibly();
            evil.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void errorMessagesEscapeAHostileFileName() {
        CliRun run = CliRun.run("audit", "--input", dir.resolve("x\u001b]0;pwned\u0007\nsocket-inspector: ok").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("\u001b", "\u0007").contains("\\x1B]0;pwned\\x07");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    /**
     * The same attack through every other text output: a scan JSON (as another machine's capture or a saved scan may
     * carry) whose process is named with OSC (window title), BEL, U+202E and a newline with a fake row, printed by
     * {@code import}, {@code audit --input} and, once stored, {@code history show} and {@code history list}.
     */
    @Test
    void hostileNamesAreEscapedByImportAuditAndHistory() throws Exception {
        String evil = "ev\u001b]0;pwned\u0007\u202E\nFAKEROW";
        String shown = "ev\\x1B]0;pwned\\x07\\u202E\\x0AFAKEROW";
        Path file = scanJson(s -> {
            ObjectNode process = s.putObject("process");
            process.put("name", evil).put("executable", "/tmp/" + evil).put("commandLine", evil + " --serve")
                    .put("user", "mallory\u202E").putNull("uid").putArray("services");
        });
        Path db = dir.resolve("history.db");
        try (org.socketinspector.store.HistoryStore history = org.socketinspector.store.HistoryStore.open(db)) {
            history.saveSnapshot(org.socketinspector.json.ScanJson.read(Files.readString(file)));
        }
        for (String[] command : new String[][] {{"import", file.toString()}, {"audit", "--input", file.toString()},
                {"history", "show", "S1", "--db", db.toString()}, {"history", "list", "--db", db.toString()}}) {
            CliRun run = CliRun.run(command);
            String what = String.join(" ", command);
            assertThat(run.exitCode()).as(what + ": " + run.err()).isIn(0, 5);
            assertThat(run.out() + run.err()).as(what).doesNotContain("\u001b", "\u0007", "\u202E");
            assertThat(run.out().lines()).as(what).noneMatch(l -> l.startsWith("FAKEROW"));
            if (!command[1].equals("list")) {
                assertThat(run.out()).as(what).contains(shown);
            }
        }
    }

    // 2. Files root writes -----------------------------------------------------------------------------------------

    @Test
    void everyOutputRefusesALinkPlantedByAnotherUser() throws Exception {
        assumeTrue(isRoot(), "needs root to give the planted link to uid 65534");
        Path scan = scanJson(s -> { });
        Path db = dir.resolve("history.db");
        assertThat(CliRun.onFake("scan", "--save", "--db", db.toString()).exitCode()).isZero();
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx")); // not sticky
        Path victim = Files.writeString(dir.resolve("passwd"), "root:x:0:0\n");

        List<List<String>> commands = List.of(
                List.of("report", "--input", scan.toString(), "--format", "json", "--output", "@"),
                List.of("report", "--input", scan.toString(), "--format", "html", "--output", "@"),
                List.of("history", "export", "S1", "--db", db.toString(), "-o", "@"),
                List.of("audit", "--input", scan.toString(), "--write-baseline", "@"));
        for (List<String> command : commands) {
            Path link = shared.resolve("out-" + commands.indexOf(command));
            Files.createSymbolicLink(link, victim);
            Files.setAttribute(link, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
            CliRun run = CliRun.run(command.stream().map(a -> a.equals("@") ? link.toString() : a).toArray(String[]::new));
            assertThat(run.exitCode()).as(command.toString()).isEqualTo(1);
            assertThat(run.err()).as(command.toString()).contains(link.toString(),
                    "symbolic link owned by another user (uid 65534");
            assertThat(Files.readString(victim)).as(command.toString()).isEqualTo("root:x:0:0\n");
        }
        // The CSV's sibling files are the same writes.
        Path csvLink = Files.createSymbolicLink(shared.resolve("r-sockets.csv"), victim);
        Files.setAttribute(csvLink, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        CliRun csv = CliRun.run("report", "--input", scan.toString(), "--format", "csv", "--output",
                shared.resolve("r.csv").toString());
        assertThat(csv.exitCode()).isEqualTo(1);
        assertThat(Files.readString(victim)).isEqualTo("root:x:0:0\n");
    }

    @Test
    void theHistoryIsNeverCreatedThroughADanglingLinkOrOverAnotherFile() throws Exception {
        Path target = dir.resolve("etc-cron.d-job");
        Path link = Files.createSymbolicLink(dir.resolve("history.db"), target);
        CliRun run = CliRun.onFake("scan", "--save", "--db", link.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(link.toString(), "symbolic link to a file that does not exist");
        assertThat(target).doesNotExist();

        Path notes = Files.writeString(dir.resolve("notes.txt"), "my notes\n");
        CliRun over = CliRun.run("history", "list", "--db", notes.toString());
        assertThat(over.exitCode()).isEqualTo(1);
        assertThat(over.err()).contains("is not a SQLite database; it was left untouched");
        assertThat(Files.readString(notes)).isEqualTo("my notes\n");
    }

    @Test
    void dashIsStandardOutputAndADeviceGetsNoSiblingFiles() throws Exception {
        Path scan = scanJson(s -> { });
        CliRun dash = CliRun.run("report", "--input", scan.toString(), "--format", "json", "--output", "-");
        assertThat(dash.exitCode()).isZero();
        assertThat(Json.mapper().readTree(dash.out()).path("schema").asText()).isEqualTo("socket-inspector/audit/2");

        CliRun device = CliRun.run("report", "--input", scan.toString(), "--format", "csv", "--output", "/dev/null");
        assertThat(device.exitCode()).as(device.err()).isZero();
        assertThat(Path.of("/dev/null-sockets.csv")).doesNotExist();
        assertThat(Path.of("/dev/null-findings.csv")).doesNotExist();
    }

    // 3. Privacy ---------------------------------------------------------------------------------------------------

    @Test
    void aNewHistoryIsPrivate() throws Exception {
        Path db = dir.resolve("data/socket-inspector/history.db");
        assertThat(CliRun.onFake("scan", "--save", "--db", db.toString()).exitCode()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
    }

    @Test
    void aFullDiskSaysSoAndTheHistoryStillLists() throws Exception {
        assumeTrue(isRoot(), "needs root to mount a small tmpfs");
        Path mount = Files.createDirectory(dir.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount.toString()) == 0,
                "cannot mount a tmpfs here");
        try {
            Path db = mount.resolve("history.db");
            assertThat(CliRun.onFake("scan", "--save", "--db", db.toString()).exitCode()).isZero();
            run("dd", "if=/dev/zero", "of=" + mount.resolve("fill"), "bs=4k"); // ends when the disk is full
            CliRun full = CliRun.run("scan", "--all", "--save", "--db", db.toString());
            assertThat(full.exitCode()).isEqualTo(1);
            assertThat(full.err()).contains(db.toString(), "the disk is full").doesNotContain("Exception");
            assertThat(full.err().strip().lines()).hasSize(1);
            CliRun list = CliRun.run("history", "list", "--db", db.toString());
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.out()).contains("S1");
            CliRun report = CliRun.run("report", "--history", "S1", "--db", db.toString(), "--format", "html",
                    "--output", mount.resolve("r.html").toString());
            assertThat(report.err()).contains("r.html: cannot write (No space left on device)");
            assertThat(mount.resolve("r.html")).doesNotExist();
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    /**
     * A history that cannot be written still lists and shows. Root ignores a read-only file mode, so the file is made
     * read-only the ways that hold for root too: the immutable attribute (on the file, and on the file and its folder,
     * so that not even SQLite's WAL index can be created beside it) and a file system mounted read-only.
     */
    @Test
    void aReadOnlyHistoryStillListsAndShows() throws Exception {
        assumeTrue(isRoot(), "needs root for chattr +i and mount");
        Path data = Files.createDirectory(dir.resolve("data"));
        Path db = data.resolve("history.db");
        assertThat(CliRun.onFake("scan", "--save", "--db", db.toString()).exitCode()).isZero();
        assertThat(data.resolve("history.db-wal")).as("closed cleanly").doesNotExist();
        byte[] before = Files.readAllBytes(db);

        assumeTrue(run("chattr", "+i", db.toString()) == 0, "chattr +i does not work on this file system");
        try {
            assumeTrue(run("chattr", "+i", data.toString()) == 0, "chattr +i does not work on a folder here");
            try {
                assertReadOnlyHistory(db, before); // not even the WAL index can be made: read as immutable
            } finally {
                run("chattr", "-i", data.toString());
            }
            assertReadOnlyHistory(db, before); // the folder can be written: SQLite's read-only WAL mode
        } finally {
            run("chattr", "-i", db.toString());
        }

        Path mount = Files.createDirectory(dir.resolve("ro"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString()) == 0,
                "cannot mount a tmpfs here");
        try {
            Path copy = Files.copy(db, mount.resolve("history.db"));
            assertThat(run("mount", "-o", "remount,ro", mount.toString())).isZero();
            assertReadOnlyHistory(copy, before);
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    private static void assertReadOnlyHistory(Path db, byte[] before) throws IOException {
        CliRun list = CliRun.run("history", "list", "--db", db.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("S1");
        CliRun show = CliRun.run("history", "show", "S1", "--db", db.toString());
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).isNotBlank();
        CliRun save = CliRun.onFake("scan", "--save", "--db", db.toString());
        assertThat(save.exitCode()).isEqualTo(1);
        assertThat(save.err().strip()).contains(db.toString()).doesNotContain("Exception", "SQLITE_");
        assertThat(save.err().strip().lines()).hasSize(1);
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    /**
     * The default history folder an older version made 0755 (file 0644): the next run, in a child JVM so that its
     * $XDG_DATA_HOME picks the folder, makes both private and says so once on stderr; the run after says nothing.
     */
    @Test
    void anOlderOpenHistoryFolderIsMadePrivateOnce() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "POSIX modes and XDG_DATA_HOME");
        Path folder = Files.createDirectories(dir.resolve("xdg/socket-inspector"));
        Path db = folder.resolve("history.db");
        assertThat(CliRun.onFake("scan", "--save", "--db", db.toString()).exitCode()).isZero();
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .as("a folder given with --db is left as it is").isEqualTo("rwxr-xr-x");

        String[] first = cliInChildJvm(dir.resolve("xdg"), "history", "list");
        assertThat(first[0]).contains("S1");
        assertThat(first[1].strip()).isEqualTo("socket-inspector: history folder " + folder + " was open to other users"
                + " (rwxr-xr-x); made it private (rwx------), as new history folders are");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
        assertThat(cliInChildJvm(dir.resolve("xdg"), "history", "list")[1]).isEmpty();
    }

    /** {stdout, stderr} of the CLI run in a child JVM with XDG_DATA_HOME set; it must exit 0. */
    private String[] cliInChildJvm(Path xdgDataHome, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CliMain.class.getName()));
        if (Runtime.version().feature() >= 22) {
            command.add(1, "--enable-native-access=ALL-UNNAMED"); // as the launcher: JNA and sqlite-jdbc load libraries
        }
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve("child-err.txt").toFile());
        pb.environment().put("XDG_DATA_HOME", xdgDataHome.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the CLI ends").isTrue();
        String err = Files.readString(dir.resolve("child-err.txt"));
        assertThat(p.exitValue()).as(err).isZero();
        return new String[] {out, err};
    }

    // 4. Bounded input ---------------------------------------------------------------------------------------------

    @Test
    void endlessInputEndsWithAClearError() {
        CliRun batch = CliRun.run("whatif", "--batch", "/dev/zero");
        assertThat(batch.exitCode()).isEqualTo(1);
        assertThat(batch.err().strip()).isEqualTo("socket-inspector: /dev/zero:1: line longer than 65536 characters");
        CliRun report = CliRun.run("report", "--input", "/dev/zero", "--format", "json", "--output", "-");
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.err().strip()).isEqualTo("socket-inspector: /dev/zero: larger than the limit of 64 MiB");
    }

    /** --idle-timeout chooses the wait (a pipe from ssh behind a password prompt needs more than 30 s). */
    @Test
    void theIdleTimeoutIsTheUsersToChoose() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "needs mkfifo");
        Path fifo = dir.resolve("slow.fifo");
        assertThat(run("/usr/bin/mkfifo", fifo.toString())).isZero();

        CliRun run = CliRun.run("import", "--idle-timeout", "2", fifo.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("socket-inspector: " + fifo
                + ": nobody opened it for writing within 2 s (a FIFO without a writer?)");

        CliRun zero = CliRun.run("whatif", "--batch", fifo.toString(), "--idle-timeout", "0");
        assertThat(zero.exitCode()).as("a usage error").isEqualTo(2);
        assertThat(zero.err()).contains("--idle-timeout").doesNotContain("Exception");
    }

    /**
     * A FIFO nobody writes to, given to each command that reads input: each ends with the idle-timeout error instead
     * of hanging. With {@code --idle-timeout 1}: what is tested is that every command applies the limit, not the
     * default's length (InputLimitsTest and the options' help state the 30 s default). The commands run at once.
     */
    @Test
    void aFifoWithoutAWriterEndsEachCommandWithTheIdleTimeout() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "needs mkfifo");
        List<String[]> commands = new java.util.ArrayList<>();
        for (String name : List.of("import", "whatif", "report")) {
            Path fifo = dir.resolve(name + ".fifo");
            assertThat(run("/usr/bin/mkfifo", fifo.toString())).isZero();
            commands.add(switch (name) {
                case "import" -> new String[] {"import", fifo.toString(), "--idle-timeout", "1"};
                case "whatif" -> new String[] {"whatif", "--batch", fifo.toString(), "--idle-timeout", "1"};
                default -> new String[] {"report", "--input", fifo.toString(), "--format", "json", "--output", "-",
                        "--idle-timeout", "1"};
            });
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(commands.size());
        try {
            List<java.util.concurrent.Future<CliRun>> runs = commands.stream()
                    .map(c -> pool.submit(() -> CliRun.run(c))).toList();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            for (int i = 0; i < commands.size(); i++) {
                String[] command = commands.get(i);
                String fifo = command[command[0].equals("import") ? 1 : 2];
                CliRun run;
                try {
                    run = runs.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError(String.join(" ", command) + " still waits for the FIFO after 120 s", e);
                }
                assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(1);
                assertThat(run.err().strip()).as(String.join(" ", command))
                        .isEqualTo("socket-inspector: " + fifo
                                + ": nobody opened it for writing within 1 s (a FIFO without a writer?)");
                assertThat(run.out()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                for (String[] command : commands) { // a run that still waits (the test failed): write to end it
                    Path fifo = Path.of(command[command[0].equals("import") ? 1 : 2]);
                    Thread release = new Thread(() -> {
                        try (var w = Files.newOutputStream(fifo)) {
                            w.flush();
                        } catch (IOException ignored) {
                            // nothing waits on it any more
                        }
                    });
                    release.setDaemon(true); // blocks only while no reader is left; never keeps the JVM alive
                    release.start();
                }
            }
        }
    }

    // 5. Validated structured input --------------------------------------------------------------------------------

    @Test
    void jsonThatBreaksTheContractIsRefusedNamingTheField() throws Exception {
        record Case(Consumer<ObjectNode> change, String error) { }
        List<Case> cases = List.of(
                new Case(s -> s.put("localPort", 99999), "field $.sockets[0].localPort: must have a maximum value of 65535"),
                new Case(s -> s.put("localPort", -1), "field $.sockets[0].localPort: must have a minimum value of 0"),
                new Case(s -> s.put("localAddress", "not-an-ip"),
                        "field $.sockets[0].localAddress: \"not-an-ip\" is not an IP address"),
                new Case(s -> s.put("uid", 4294967295L), "field $.sockets[0].uid: 4294967295 is out of range"));
        for (Case c : cases) {
            Path file = scanJson(c.change());
            for (String[] command : new String[][] {{"import", file.toString()}, {"audit", "--input", file.toString()},
                    {"report", "--input", file.toString(), "--format", "json", "--output", "-"}}) {
                CliRun run = CliRun.run(command);
                assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(1);
                assertThat(run.err()).as(String.join(" ", command)).contains(file + ": " + c.error())
                        .doesNotContain("Exception", "java.", "For input string");
                assertThat(run.out()).isEmpty();
            }
        }
    }

    // 6. Errors in our words ---------------------------------------------------------------------------------------

    @Test
    void brokenInputIsDescribedWithoutJavaInternals() throws Exception {
        Path truncated = Files.writeString(dir.resolve("t.json"), "{\"schema\": \"socket-inspector/scan/1\",");
        Path latin1 = Files.write(dir.resolve("l.json"), "{\"host\": \"M\u00fcnchen\"}".getBytes(StandardCharsets.ISO_8859_1));
        Path folder = Files.createDirectory(dir.resolve("folder.json"));
        for (Path input : List.of(truncated, latin1, folder, dir.resolve("missing.json"))) {
            for (String[] command : new String[][] {{"audit", "--input", input.toString()},
                    {"report", "--input", input.toString(), "--format", "json", "--output", "-"},
                    {"audit", "--input", scanJson(s -> { }).toString(), "--baseline", input.toString()}}) {
                CliRun run = CliRun.run(command);
                assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(1);
                assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
                assertThat(run.err()).contains(input.getFileName().toString()).doesNotContain("Cannot invoke",
                        "getLineNr", "Input length", "Exception", "java.", "REDACTED");
            }
        }
        assertThat(CliRun.run("report", "--input", latin1.toString(), "--format", "json", "--output", "-").err())
                .contains("not valid UTF-8 at byte 11");
        assertThat(CliRun.run("audit", "--input", truncated.toString()).err()).contains("line 1, column");
    }

    @Test
    void aRefusedProbeSaysOnlyWhy() {
        CliRun run = CliRun.run("experiment", "probe", "--address", "192.0.2.1", "--port", "1", "--yes",
                "--db", dir.resolve("h.db").toString());
        // A probe that cannot run is a usage error (the help follows); nothing from its live scan comes first.
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Address: refusing to probe 192.0.2.1").doesNotContain("no tcp listener");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A valid scan document (of the fake platform's known sockets), its first socket changed. */
    private Path scanJson(Consumer<ObjectNode> change) throws IOException {
        CliRun scan = CliRun.onFake("scan", "--json");
        ObjectNode root = (ObjectNode) Json.mapper().readTree(scan.out());
        change.accept((ObjectNode) root.path("sockets").get(0));
        return Files.writeString(Files.createTempFile(dir, "scan", ".json"), Json.mapper().writeValueAsString(root));
    }

    private static boolean isRoot() throws IOException {
        return System.getProperty("os.name").startsWith("Linux")
                && (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
