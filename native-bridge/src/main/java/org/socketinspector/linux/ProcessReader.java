package org.socketinspector.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.socketinspector.model.ProcessInfo;

/** Reads a process's name, executable, command line and user from /proc/&lt;pid&gt;. Unreadable fields are null. */
final class ProcessReader {
    private final Path proc;
    private final UserNames users;

    ProcessReader(Path proc, UserNames users) {
        this.proc = proc;
        this.users = users;
    }

    /** Null when the process is gone. */
    ProcessInfo read(int pid) {
        Path dir = proc.resolve(Integer.toString(pid));
        String status = readText(dir.resolve("status"));
        if (status == null) {
            return null;
        }
        String name = field(status, "Name:");
        Long uid = effectiveUid(status);
        String comm = readText(dir.resolve("comm"));
        if (comm != null) {
            name = comm.strip(); // status escapes some characters in Name; comm is the raw name
        }
        String executable = null;
        try {
            executable = Files.readSymbolicLink(dir.resolve("exe")).toString();
        } catch (IOException | UnsupportedOperationException e) {
            // kernel threads have no exe; other users' processes need ptrace rights
        }
        return new ProcessInfo(name, executable, commandLine(dir.resolve("cmdline")),
                uid == null ? null : users.name(uid), uid == null ? null : uid.intValue(), List.of());
    }

    /** cmdline holds the arguments separated by NULs; an empty file (kernel thread, zombie) gives null. */
    static String commandLine(byte[] raw) {
        int end = raw.length;
        while (end > 0 && raw[end - 1] == 0) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        String text = new String(raw, 0, end, StandardCharsets.UTF_8);
        return text.replace('\0', ' ');
    }

    private static String commandLine(Path file) {
        try {
            return commandLine(Files.readAllBytes(file));
        } catch (IOException e) {
            return null;
        }
    }

    /** "Uid:\treal\teffective\tsaved\tfs": the effective uid is the one that owns what the process creates. */
    static Long effectiveUid(String status) {
        String uids = field(status, "Uid:");
        if (uids == null) {
            return null;
        }
        String[] f = uids.trim().split("\\s+");
        return f.length >= 2 ? Long.parseLong(f[1]) : null;
    }

    private static String field(String status, String key) {
        int at = status.startsWith(key) ? 0 : status.indexOf("\n" + key);
        if (at < 0) {
            return null;
        }
        int start = at + (at == 0 ? 0 : 1) + key.length();
        int end = status.indexOf('\n', start);
        return status.substring(start, end < 0 ? status.length() : end).trim();
    }

    private static String readText(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8); // lenient: names need not be UTF-8
        } catch (IOException e) {
            return null;
        }
    }
}
