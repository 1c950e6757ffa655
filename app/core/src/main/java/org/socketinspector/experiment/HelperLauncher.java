package org.socketinspector.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.socketinspector.nativeio.ProcessControl;
import org.socketinspector.sockets.Sockets;

/**
 * Starts helper processes: a child JVM running {@link #HELPER_MAIN} on this program's own classes, as another uid
 * (root on Linux only: the helper takes that uid itself), inside a network namespace through
 * {@code ip netns exec} (Linux). Each helper is tied to this process's life at once (see {@link ProcessControl}).
 *
 * <p>One launcher belongs to whoever runs experiments (a command's run, a GUI's services): it remembers the
 * helpers it started until they are ended, so {@link #endAll()} (cancel, the CLI's shutdown hook) ends each by PID.
 * Helpers outlive no launcher's process: they die with their parent (PR_SET_PDEATHSIG, a job object on Windows) and
 * exit when their control pipe closes.
 *
 * <p>A helper starts with a clean environment ({@link #environment}): root's secrets (AWS_SECRET_ACCESS_KEY,
 * PGPASSWORD, ...) are not its to hold, and JAVA_TOOL_OPTIONS must not load an agent into it. Every read from it is
 * bounded ({@link HelperSide}): one stopped before "ready" is ended by PID after {@link #READY_LIMIT} or the run's
 * deadline, whichever comes first.
 *
 * <p>A helper under another uid must be able to read the JVM and the classes it runs; root's home (and its Maven
 * repository) is 0700, so unreadable classpath entries are copied to a world-readable temporary folder.
 */
public final class HelperLauncher {

    /**
     * The helper process's main class, named rather than imported: it is a program this class starts, and it builds
     * on this package (so that the two packages form no cycle). HelperLauncherTest checks that it is a main.
     */
    static final String HELPER_MAIN = "org.socketinspector.experiment.helper.HelperMain";

    /** How long a helper may take to say "ready": a JVM start on a loaded two-core machine took up to 8 s here. */
    static final Duration READY_LIMIT = Duration.ofSeconds(30);

    /** The only variables a helper gets from this process: what finds programs, the locale, Windows' own. */
    private static final Set<String> KEPT = Set.of("PATH", "LANG", "LC_ALL", "LC_CTYPE", "SystemRoot", "SYSTEMROOT",
            "windir", "TEMP", "TMP");
    /** A value a kept variable may have: no control characters, bounded. */
    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[\\p{Graph} ]{1,4096}");

    private final ProcessControl processes;
    private final Set<ProcessHandle> live = ConcurrentHashMap.newKeySet();
    private Path readableCopy;

    /** @param processes this OS's process control (who we are, helpers tied to our life) */
    public HelperLauncher(ProcessControl processes) {
        this.processes = processes;
    }

    public ProcessControl processes() {
        return processes;
    }

    /** As {@link #start(int, String, CancelToken)} without a run's deadline (only {@link #READY_LIMIT}). */
    public HelperSide start(int uid, String namespace) throws ExperimentException {
        return start(uid, namespace, null);
    }

    /**
     * Starts a helper.
     *
     * @param uid       the uid to run as, or -1 for this process's own uid
     * @param namespace a network namespace name created by the experiment, or null
     * @param cancel    the run's token: its deadline also bounds every wait for the helper; null for none
     */
    public HelperSide start(int uid, String namespace, CancelToken cancel) throws ExperimentException {
        int self = processes.effectiveUid();
        boolean otherUser = uid >= 0 && uid != self;
        if ((otherUser || namespace != null) && !processes.canActAsOtherUsers()) {
            throw new ExperimentException("running a helper " + (otherUser ? "as uid " + uid : "in a namespace") + " "
                    + processes.whyNotOtherUsers());
        }
        List<String> command = new ArrayList<>();
        if (namespace != null) {
            command.addAll(List.of("ip", "netns", "exec", namespace));
        }
        Path java = javaExecutable();
        if (otherUser) {
            requireReadable(java, uid, "the JDK");
        }
        command.add(java.toString());
        command.addAll(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx48m",
                // Nothing another process of the helper's uid could use to reach into it: no attach listener (a
                // jcmd of that uid would load an agent), no SIGQUIT thread dump on the protocol's stdout, no
                // hsperfdata file (left in root's /tmp/hsperfdata_root by a helper that changed uid).
                "-XX:+DisableAttachMechanism", "-Xrs", "-XX:-UsePerfData"));
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(List.of("-cp", classpath(otherUser ? uid : -1, self), HELPER_MAIN,
                Long.toString(ProcessHandle.current().pid())));
        if (otherUser) {
            command.add(Integer.toString(uid));
        }
        Process process;
        try {
            process = startHelperProcess(command);
        } catch (IOException e) {
            throw new ExperimentException("could not start a helper (" + String.join(" ", command.subList(0, Math.min(6, command.size())))
                    + " ...): " + e.getMessage());
        }
        live.add(process.toHandle());
        try {
            processes.tieToThisProcess(process.toHandle());
            HelperSide helper = new HelperSide(process, this, cancel);
            if (otherUser && helper.uid() != uid) {
                throw new IOException("it runs as uid " + helper.uid() + ", not " + uid);
            }
            return helper;
        } catch (CancelToken.CancelledException e) {
            end(process.toHandle());
            throw e; // the run stops while the helper starts: a stop, not a failure
        } catch (IOException | RuntimeException e) {
            end(process.toHandle());
            throw new ExperimentException("could not set up the helper (pid " + process.pid() + "): " + e.getMessage());
        }
    }

    /**
     * The helper's environment, from this process's: only {@link #KEPT} names with plain values. Nothing else of
     * root's (keys, passwords, tokens, LD_PRELOAD, JAVA_TOOL_OPTIONS) reaches a process another user's uid runs.
     */
    static Map<String, String> environment(Map<String, String> parent) {
        Map<String, String> kept = new TreeMap<>();
        parent.forEach((name, value) -> {
            if (KEPT.contains(name) && value != null && PLAIN.matcher(value).matches()) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /** This JVM's java launcher (java.exe on Windows), which a runtime made without native commands lacks. */
    private static Path javaExecutable() throws ExperimentException {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path exe = bin.resolve("java.exe");
        Path java = Files.exists(exe) ? exe : bin.resolve("java"); // the runtime's own files say which OS it is for
        if (!Files.isExecutable(java)) {
            throw new ExperimentException("this Java runtime has no java launcher at " + java + ", which the"
                    + " experiments' helper processes need (a runtime made with jlink --strip-native-commands)");
        }
        return java;
    }

    /** Ends one helper by PID and waits (bounded) until it is gone. */
    void end(ProcessHandle helper) {
        helper.destroyForcibly();
        try {
            helper.onExit().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // still reported as alive by the caller's checks; nothing more we can do than SIGKILL
        }
        live.remove(helper);
    }

    /** Ends every helper this launcher started and has not ended yet (cancel, Ctrl-C). */
    public void endAll() {
        List.copyOf(live).forEach(this::end);
    }

    /** PIDs of this launcher's helpers alive now. */
    public List<Long> pids() {
        return live.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
    }

    /**
     * PIDs of the helpers of this process alive now, whoever started them, as the OS sees them (this process's
     * descendants running {@link #HELPER_MAIN}): what tests check to prove that no helper was left behind.
     */
    public static List<Long> livePids() {
        String main = HELPER_MAIN;
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(a -> java.util.Arrays.asList(a).contains(main))
                        // Windows gives no arguments of another process: any java child counts there
                        .orElseGet(() -> p.info().command().map(c -> Path.of(c).getFileName().toString()
                                .toLowerCase(java.util.Locale.ROOT).startsWith("java")).orElse(false)))
                .map(ProcessHandle::pid).toList();
    }

    /** The classes a helper needs: the app (helper, experiment), the native bridge and JNA. */
    private String classpath(int forUid, int self) throws ExperimentException {
        Set<Path> entries = new LinkedHashSet<>();
        try {
            entries.add(Path.of(HelperLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | NullPointerException e) {
            throw new ExperimentException("cannot locate the helper's classes");
        }
        entries.addAll(Sockets.codeLocations());
        List<String> result = new ArrayList<>();
        for (Path entry : entries) {
            result.add((forUid < 0 || readableBy(entry, forUid) ? entry : copyReadable(entry, self)).toString());
        }
        return String.join(java.io.File.pathSeparator, result);
    }

    private static void requireReadable(Path file, int uid, String what) throws ExperimentException {
        if (!readableBy(file, uid)) {
            throw new ExperimentException("uid " + uid + " cannot read " + what + " at " + file
                    + ": a helper under that uid cannot run (make it world-readable or use a JDK that is)");
        }
    }

    /**
     * Whether uid (with its own gid and no supplementary groups, as setpriv --clear-groups leaves it) can read
     * the file or folder tree: each parent folder searchable, the entry itself readable.
     */
    static boolean readableBy(Path entry, int uid) {
        try {
            Path real = entry.toRealPath();
            for (Path p = real.getParent(); p != null; p = p.getParent()) {
                if (!allowed(p, uid, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            if (!Files.isDirectory(real)) {
                return allowed(real, uid, PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ,
                        PosixFilePermission.OTHERS_READ);
            }
            try (Stream<Path> tree = Files.walk(real)) {
                return tree.allMatch(p -> Files.isDirectory(p)
                        ? allowed(p, uid, PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ)
                          && allowed(p, uid, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE)
                        : allowed(p, uid, PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
            }
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static boolean allowed(Path p, int uid, PosixFilePermission owner, PosixFilePermission group,
                                   PosixFilePermission others) {
        try {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class);
            int fileUid = (Integer) Files.getAttribute(p, "unix:uid");
            int fileGid = (Integer) Files.getAttribute(p, "unix:gid");
            if (fileUid == uid) {
                return a.permissions().contains(owner);
            }
            if (fileGid == uid) { // setpriv --regid=uid: the helper's only group has the uid's number
                return a.permissions().contains(group);
            }
            return a.permissions().contains(others);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Copies a classpath entry into a world-readable cache folder, {@code <tmp>/socket-inspector-helper-cp}, one
     * subfolder per entry version (path, sizes and modification times), so repeated runs reuse the copy and nothing
     * accumulates. The cache is used only if this uid owns it and nobody else may write into it (another user could
     * otherwise plant classes a helper would run); else a private copy for this run is made and removed at exit.
     */
    private synchronized Path copyReadable(Path entry, int self) throws ExperimentException {
        try {
            if (readableCopy == null) {
                readableCopy = cacheFolder(self);
            }
            Path target = readableCopy.resolve(version(entry) + "-" + entry.getFileName());
            if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !trusted(target, self)) {
                // Not made by us, or changeable by others since: a helper (maybe root's) must not run it.
                Path own = privateFolder();
                target = own.resolve(version(entry) + "-" + entry.getFileName());
            }
            if (!Files.exists(target)) {
                Path partial = Files.createTempDirectory(readableCopy, "partial-");
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
                Path copy = partial.resolve(entry.getFileName().toString());
                copyTree(entry, copy);
                try {
                    Files.move(copy, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    // another run made the same copy first: use theirs
                }
                deleteTree(partial);
            }
            return target;
        } catch (IOException e) {
            throw new ExperimentException("cannot make " + entry + " readable for the helper: " + e.getMessage());
        }
    }

    /**
     * Starts the helper; once more when Windows answers CreateProcess error 1359 (ERROR_INTERNAL_ERROR), which Wine 8
     * gave once in the Wine runs here on a machine with a load average near 20 (docs/windows.md): tried once more.
     */
    private static Process startHelperProcess(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        Map<String, String> clean = environment(env);
        env.clear();
        env.putAll(clean);
        try {
            return builder.start();
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("CreateProcess error=1359")) {
                return builder.start();
            }
            throw e;
        }
    }

    private static Path cacheFolder(int self) throws IOException {
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "socket-inspector-helper-cp");
        try {
            Files.createDirectory(cache, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (java.nio.file.FileAlreadyExistsException exists) {
            // checked below
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(cache, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        boolean mine = !Files.isSymbolicLink(cache)
                && (Integer) Files.getAttribute(cache, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS)
                == self;
        if (mine && !perms.contains(PosixFilePermission.GROUP_WRITE) && !perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
            return cache;
        }
        return privateFolder();
    }

    /** A fresh folder for this run only, removed at exit. */
    private static Path privateFolder() throws IOException {
        Path own = Files.createTempDirectory("socket-inspector-helper-");
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxr-xr-x"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(own)));
        return own;
    }

    /**
     * Whether a cached copy may be run: every file and folder in it (links not followed, and none allowed) is
     * owned by {@code self} and writable by nobody else. Another user who can write into the cache folder's
     * parent, or a copy left by an older version, must not decide what a helper runs.
     */
    static boolean trusted(Path copy, int self) {
        try (Stream<Path> tree = Files.walk(copy)) {
            return tree.allMatch(p -> {
                try {
                    if (Files.isSymbolicLink(p)) {
                        return false;
                    }
                    int owner = (Integer) Files.getAttribute(p, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    return owner == self && !perms.contains(PosixFilePermission.GROUP_WRITE)
                            && !perms.contains(PosixFilePermission.OTHERS_WRITE);
                } catch (IOException | UnsupportedOperationException e) {
                    return false;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** A name for this version of a jar or class folder: its path, and every file's size and modification time. */
    private static String version(Path entry) throws IOException {
        StringBuilder state = new StringBuilder(entry.toAbsolutePath().toString());
        try (Stream<Path> tree = Files.walk(entry)) {
            for (Path p : (Iterable<Path>) tree.sorted()::iterator) {
                state.append('|').append(entry.relativize(p)).append(':').append(Files.size(p)).append(':')
                        .append(Files.getLastModifiedTime(p).toMillis());
            }
        }
        return Integer.toHexString(state.toString().hashCode()) + Integer.toHexString(state.length());
    }

    private static void copyTree(Path entry, Path target) throws IOException {
        try (Stream<Path> tree = Files.walk(entry)) {
            for (Path source : (Iterable<Path>) tree::iterator) {
                Path copy = target.resolve(entry.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(source, copy);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> tree = Files.walk(dir)) {
            tree.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }
}
