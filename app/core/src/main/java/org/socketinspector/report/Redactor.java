package org.socketinspector.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;

/**
 * Removes what should not leave the machine before a report is written: command-line arguments that look like
 * secrets and, when asked, user names. The rules and their reasons are in docs/reports.md ("Redaction").
 */
public final class Redactor {

    public static final String MASK = "***";
    public static final String USER_MASK = "[user]";

    /** Words that name a secret when they are (part of) an option or variable name. */
    private static final String SECRET_WORD =
            "(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|credentials?|auth)";

    /** {@code --password=x}, {@code DB_TOKEN=x}, {@code ?apikey=x&}: keep the name, mask the value. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)(?<![\\w])([-\\w.]*" + SECRET_WORD + "[-\\w.]*)([=:])([^\\s&;]+)");
    /** {@code --password x}: an option named like a secret whose value is the next argument. */
    private static final Pattern OPTION_NAME = Pattern.compile("(?i)--?[-\\w.]*" + SECRET_WORD + "[-\\w.]*");
    /** {@code scheme://user:password@host}: mask the password. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/\\s:@]*):([^/\\s@]+)@");
    /** {@code Authorization: Bearer x}. */
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[^\\s\"']+");
    /**
     * {@code -pSECRET} glued to the flag is a password only for the MySQL family (and sshpass's {@code -p x});
     * for nearly every other program {@code -p} is a port or a path, so it is left alone.
     */
    private static final Set<String> GLUED_P_PASSWORD = Set.of("mysql", "mysqld", "mysqldump", "mysqladmin",
            "mariadb", "mariadb-dump", "mariadb-admin", "mysqlimport", "mysqlshow", "mysqlcheck");
    private static final Set<String> SEPARATE_P_PASSWORD = Set.of("sshpass");

    private final boolean users;

    /** @param users also replace user names (of sockets' owners, also where findings' text names them) */
    public Redactor(boolean users) {
        this.users = users;
    }

    /** The audit with secrets masked; {@code lines} receives one description per kind of redaction applied. */
    public Audit redact(Audit audit, List<String> lines) {
        Set<String> userNames = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        if (users) {
            audit.scan().sockets().stream().map(SocketRecord::process).filter(Objects::nonNull)
                    .map(ProcessInfo::user).filter(u -> u != null && !u.isBlank()).forEach(userNames::add);
        }
        List<SocketRecord> sockets = audit.scan().sockets().stream().map(this::redact).toList();
        // A skipped line is raw capture text (command lines, users, addresses): keep where and why, not the text.
        Scan scan = audit.scan().withSockets(sockets).withSkipped(audit.scan().skipped().stream()
                .map(k -> new org.socketinspector.model.SkippedLine(k.line(), k.reason(), "(redacted)")).toList());
        List<Finding> findings = new ArrayList<>();
        for (Finding f : audit.findings()) {
            findings.add(new Finding(f.rule(), f.severity(), f.socket(), f.attacker(),
                    text(f.title(), userNames), text(f.explanation(), userNames), text(f.remediation(), userNames),
                    f.references(), f.suppressed()));
        }
        lines.add("Command-line arguments that look like secrets are replaced by " + MASK + ".");
        if (users) {
            lines.add("User names are replaced by " + USER_MASK + ".");
        }
        return new Audit(scan, findings);
    }

    private SocketRecord redact(SocketRecord socket) {
        ProcessInfo p = socket.process();
        if (p == null) {
            return socket;
        }
        ProcessInfo redacted = new ProcessInfo(p.name(), p.executable(), commandLine(p.commandLine(), p.name()),
                users && p.user() != null ? USER_MASK : p.user(), p.uid(), p.services());
        return socket.withOwner(socket.pid(), redacted);
    }

    /** Masks secret-looking arguments of a command line ("arguments separated by single spaces"). */
    public static String commandLine(String commandLine, String processName) {
        if (commandLine == null) {
            return null;
        }
        String[] args = commandLine.split(" ", -1);
        String program = programName(args.length == 0 ? processName : args[0], processName);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (i > 0 && OPTION_NAME.matcher(arg).matches() && i + 1 < args.length && !args[i + 1].startsWith("-")) {
                args[++i] = MASK;
                continue;
            }
            if (arg.equalsIgnoreCase("bearer") && i + 1 < args.length) {
                args[++i] = MASK;
                continue;
            }
            if (i > 0 && GLUED_P_PASSWORD.contains(program) && arg.startsWith("-p") && arg.length() > 2) {
                args[i] = "-p" + MASK;
                continue;
            }
            if (i > 0 && SEPARATE_P_PASSWORD.contains(program) && arg.equals("-p") && i + 1 < args.length) {
                args[++i] = MASK;
                continue;
            }
            args[i] = secrets(arg);
        }
        return String.join(" ", args);
    }

    /** Masks secrets inside free text: assignments, URL credentials, bearer tokens. */
    public static String secrets(String text) {
        if (text == null) {
            return null;
        }
        String result = URL_CREDENTIALS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
        result = BEARER.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return ASSIGNMENT.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
    }

    private String text(String text, Set<String> userNames) {
        String result = secrets(text);
        if (result == null) {
            return null;
        }
        for (String user : userNames) {
            result = result.replaceAll("(?<![\\w.-])" + Pattern.quote(user) + "(?![\\w-])", Matcher.quoteReplacement(USER_MASK));
        }
        return result;
    }

    private static String programName(String first, String processName) {
        String base = first == null ? "" : first.substring(first.lastIndexOf('/') + 1);
        base = base.substring(base.lastIndexOf('\\') + 1).toLowerCase(Locale.ROOT);
        if (base.endsWith(".exe")) {
            base = base.substring(0, base.length() - 4);
        }
        return base.isEmpty() && processName != null ? processName.toLowerCase(Locale.ROOT) : base;
    }
}
