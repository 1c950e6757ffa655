package org.socketinspector.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.model.ToolInfo;
import org.socketinspector.rules.Attacker;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.FindingSubject;
import org.socketinspector.rules.Severity;

/** Audits for the report tests: a small realistic one and one whose every foreign string is hostile. */
final class ReportFixtures {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
    static final String CMD = "+cmd|' /C calc'!A0";
    static final String SUM = "@SUM(1)";
    static final String MINUS = "-2+3";
    static final String CONTROL = "ctl\u0000\u0007\u001b[31mred\u007f\u0085end";
    static final String RLO = "report\u202Etxt.exe";
    static final String TAB = "\tstarts-with-tab";
    static final String LONG = "A".repeat(32 * 1024) + "Ω" + "B".repeat(32 * 1024 - 1);
    static final List<String> HOSTILE = List.of(SCRIPT, IMG, HYPERLINK, CMD, SUM, MINUS, CONTROL, RLO, TAB, LONG);

    static final Instant TIME = Instant.parse("2026-11-25T12:00:00Z");

    private ReportFixtures() {
    }

    static SocketRecord listener(Protocol protocol, String address, int port, int pid, ProcessInfo process,
                                 SocketOptions options) {
        Family family = Family.ofAddress(address);
        return new SocketRecord(protocol, family, address, port, null, null, protocol == Protocol.TCP ? "LISTEN" : null,
                null, pid, process, process.uid(), 1000L + port, options, null);
    }

    static ProcessInfo process(String name, String commandLine, String user, int uid) {
        return new ProcessInfo(name, "/usr/bin/" + name, commandLine, user, uid, List.of());
    }

    static Scan scan(String host, List<SocketRecord> sockets) {
        return new Scan(Scan.SCHEMA, new ToolInfo("socket-inspector", "0.1.0"),
                new HostInfo(host, "linux", "6.1.0-28-amd64", 1024, false), TIME, true,
                List.of("netlink", "procfs-fd", "pidfd-getsockopt"), List.of(), sockets);
    }

    static Finding finding(String rule, Severity severity, SocketRecord socket, String title, String explanation) {
        return new Finding(rule, severity, FindingSubject.of(socket), Attacker.ANY_USER, title, explanation,
                "Remove SO_REUSEPORT or bind to a port below 1024.",
                List.of("https://man7.org/linux/man-pages/man7/socket.7.html"), false);
    }

    /** A small realistic demo: a few loopback listeners, two of them with risky options. */
    static Audit demo() {
        SocketRecord web = listener(Protocol.TCP, "127.0.0.1", 8080, 4242,
                process("python3", "python3 -m http.server 8080 --bind 127.0.0.1", "alice", 1000),
                new SocketOptions(true, true, null, null));
        SocketRecord dns = listener(Protocol.UDP, "127.0.0.1", 5353, 777,
                process("dnsmasq", "dnsmasq --keep-in-foreground --port=5353", "nobody", 65534),
                new SocketOptions(true, false, null, null));
        SocketRecord db = listener(Protocol.TCP, "::1", 5432, 900,
                process("postgres", "postgres -D /var/lib/postgresql/15/main", "postgres", 110),
                new SocketOptions(true, false, null, true));
        SocketRecord ssh = listener(Protocol.TCP, "0.0.0.0", 22, 512,
                process("sshd", "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups", "root", 0),
                new SocketOptions(true, false, null, null));
        List<SocketRecord> sockets = List.of(web, dns, db, ssh);
        List<Finding> findings = List.of(
                finding("LINUX-REUSEPORT-GROUP", Severity.HIGH, web, "Another process of alice can join port 8080",
                        "python3 (pid 4242) listens on 127.0.0.1:8080 with SO_REUSEPORT; any process of the same user "
                                + "can bind the same port and receive part of the connections."),
                finding("LOCALHOST-FAMILY-SHADOW", Severity.MEDIUM, db, "IPv4 localhost port 5432 is free",
                        "postgres listens on [::1]:5432 only; a process can bind 127.0.0.1:5432 and receive clients "
                                + "that resolve localhost to 127.0.0.1."),
                finding("UDP-REUSEADDR-SHARE", Severity.LOW, dns, "UDP port 5353 can be shared",
                        "dnsmasq set SO_REUSEADDR on UDP 127.0.0.1:5353."));
        return new Audit(scan("demo-host", sockets), findings);
    }

    /** Every foreign string is hostile: process names, command lines, users, paths, even the host name. */
    static Audit hostile() {
        List<SocketRecord> sockets = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int port = 10000;
        for (String evil : HOSTILE) {
            ProcessInfo p = new ProcessInfo(evil, "/opt/" + evil, evil + " --flag " + evil, evil, 1000, List.of(evil));
            SocketRecord s = listener(Protocol.TCP, "127.0.0.1", port++, port, p, new SocketOptions(true, true, null, null));
            sockets.add(s);
            findings.add(new Finding("LINUX-REUSEPORT-GROUP", Severity.HIGH, FindingSubject.of(s), Attacker.SAME_USER,
                    "Port of " + evil, "Process " + evil + " listens with SO_REUSEPORT.", "Ask " + evil,
                    List.of("https://example.invalid/" + evil), false));
        }
        Scan scan = new Scan(Scan.SCHEMA, new ToolInfo("socket-inspector", "0.1.0"),
                new HostInfo(SCRIPT, "linux", IMG, null, null), TIME, false, List.of("netlink"),
                List.of("limitation " + RLO), sockets);
        return new Audit(scan, findings);
    }
}
