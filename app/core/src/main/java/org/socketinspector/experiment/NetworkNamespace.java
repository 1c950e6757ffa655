package org.socketinspector.experiment;

import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A network namespace an experiment creates for itself (root only): {@code ip netns add si-<pid>-<n>}, its
 * loopback brought up, deleted at the end. Inside it only its own lo exists, so nothing can leave it. A namespace
 * outlives a kill -9 of the application (its helpers do not, and it holds no socket then): the next experiment
 * deletes every {@code si-<pid>-<n>} whose process is gone.
 */
public final class NetworkNamespace implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Pattern OURS = Pattern.compile("^si-(\\d+)-\\d+\\b", Pattern.MULTILINE);

    private static final String UNPRIVILEGED_PORT_START = "net.ipv4.ip_unprivileged_port_start";

    private final String name;

    private NetworkNamespace(String name) {
        this.name = name;
    }

    public static NetworkNamespace create() throws ExperimentException {
        deleteStale();
        String name = "si-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        run(List.of("ip", "netns", "add", name));
        NetworkNamespace ns = new NetworkNamespace(name);
        try {
            run(List.of("ip", "-n", name, "link", "set", "lo", "up"));
        } catch (ExperimentException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    public String name() {
        return name;
    }

    /**
     * Sets {@code net.ipv4.ip_unprivileged_port_start} inside this namespace only (the sysctl is per network
     * namespace) and reads it back, so a replay never runs with a value other than the one it records.
     */
    public void setUnprivilegedPortStart(int value) throws ExperimentException {
        run(List.of("ip", "netns", "exec", name, "sysctl", "-q", "-w", UNPRIVILEGED_PORT_START + "=" + value));
        String now = run(List.of("ip", "netns", "exec", name, "sysctl", "-n", UNPRIVILEGED_PORT_START));
        if (!now.equals(Integer.toString(value))) {
            throw new ExperimentException("namespace " + name + ": " + UNPRIVILEGED_PORT_START + " reads " + now
                    + " after setting it to " + value);
        }
    }

    @Override
    public void close() {
        try {
            run(List.of("ip", "netns", "delete", name));
        } catch (ExperimentException e) {
            // reported by the next `ip netns list`; there is nothing else to undo
        }
    }

    /** Deletes the namespaces left by experiments whose process died before it could delete them. */
    private static void deleteStale() throws ExperimentException {
        for (String stale : staleNames(run(List.of("ip", "netns", "list")),
                pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))) {
            new NetworkNamespace(stale).close();
        }
    }

    /** The {@code si-<pid>-<n>} names in {@code ip netns list} output whose pid is not alive. */
    static List<String> staleNames(String listOutput, LongPredicate alive) {
        Matcher m = OURS.matcher(listOutput);
        List<String> stale = new ArrayList<>();
        while (m.find()) {
            if (!alive.test(Long.parseLong(m.group(1)))) {
                stale.add(m.group().trim());
            }
        }
        return stale;
    }

    private static String run(List<String> command) throws ExperimentException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ExperimentException(String.join(" ", command) + " did not finish within 5 s");
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0) {
                throw new ExperimentException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new ExperimentException("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExperimentException("interrupted while running " + String.join(" ", command));
        }
    }
}
