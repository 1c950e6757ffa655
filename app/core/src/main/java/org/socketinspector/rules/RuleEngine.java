package org.socketinspector.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.socketinspector.model.Family;
import org.socketinspector.model.NamespaceInfo;
import org.socketinspector.model.NetNs;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOption;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.semantics.BindAnswer;
import org.socketinspector.semantics.BindEndpoint;
import org.socketinspector.semantics.BindOption;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.BindState;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.Outcome;

/**
 * Asks the bind-semantics model the attacker questions for every listening socket of a scan (and every TCP socket
 * that is only bound, which is hijackable before it listens) and turns the answers that give an attacker traffic into
 * findings. A socket whose options rule out every attack gets no finding.
 */
public final class RuleEngine {

    /** Stands for "an account other than the owner" in the model's questions. */
    private static final String OTHER_USER = "another-user";
    private static final int DEFAULT_UNPRIVILEGED_PORT_START = 1024;

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(f -> f.socket().localPort() == null ? -1 : f.socket().localPort())
            .thenComparing(Finding::rule);

    private RuleEngine() {
    }

    public static Audit audit(Scan scan) {
        OsFamily os = SocketView.osFamily(scan.host());
        BindSemantics model = BindSemantics.forOs(os);
        // distinct(): a netlink dump of a busy table can list one socket twice; it is still one socket.
        List<SocketRecord> listening = scan.sockets().stream().filter(SocketRecord::isListening).distinct().toList();
        // The rules that compare sockets only compare those on one namespace, protocol and port: index them once, so
        // a scan of tens of thousands of listeners stays linear. Sockets of two network namespaces never conflict.
        Map<PortKey, List<SocketRecord>> byPort = listening.stream()
                .collect(Collectors.groupingBy(PortKey::of));
        // A scan of several namespaces names each finding's namespace; one of a single namespace prints as before.
        boolean severalNamespaces = scan.sockets().stream().map(SocketRecord::netns).distinct().limit(2).count() > 1
                || !scan.namespaces().isEmpty();
        List<Finding> findings = new ArrayList<>();
        hostFindings(scan, os, severalNamespaces, findings);
        for (SocketRecord s : listening) {
            int before = findings.size();
            NamespaceInfo facts = scan.namespace(s.netns());
            switch (os) {
                case LINUX -> linux(model, scan, facts, s, findings);
                case WINDOWS, WINDOWS_XP -> windows(model, scan, s, findings);
                case MACOS, FREEBSD -> bsd(model, s, findings);
            }
            List<SocketRecord> samePort = byPort.get(PortKey.of(s));
            familyShadow(model, os, scan, facts, samePort, s, findings);
            specificOverWildcard(model, samePort, s, findings);
            if (severalNamespaces) {
                for (int i = before; i < findings.size(); i++) {
                    findings.set(i, findings.get(i).about(findings.get(i).socket().in(s.netns())));
                }
            }
        }
        reuseGroups(listening, severalNamespaces, findings);
        findings.sort(ORDER);
        return new Audit(scan, findings);
    }

    /** The sockets one rule compares: one network namespace, protocol and port. */
    private record PortKey(NetNs netns, Protocol protocol, int port) {
        static PortKey of(SocketRecord s) {
            return new PortKey(s.netns(), s.protocol(), s.localPort());
        }
    }

    /** Facts of the collector's namespace (the host's) and of every other namespace the scan lists. */
    private static void hostFindings(Scan scan, OsFamily os, boolean severalNamespaces, List<Finding> findings) {
        if (os != OsFamily.LINUX || scan.host() == null) {
            return;
        }
        List<NetNs> others = scan.namespaces().stream().map(NamespaceInfo::netns).toList();
        // the collector's own namespace: the one its sockets carry (unknown for an empty or version-1 scan)
        NetNs own = scan.sockets().stream().map(SocketRecord::netns).filter(n -> !others.contains(n)).findFirst()
                .orElse(NetNs.UNKNOWN);
        List<NamespaceInfo> all = new ArrayList<>();
        all.add(NamespaceInfo.of(scan.host(), own));
        all.addAll(scan.namespaces());
        for (NamespaceInfo facts : all) {
            Integer start = facts.unprivilegedPortStart();
            if (start == null || start >= DEFAULT_UNPRIVILEGED_PORT_START) {
                continue;
            }
            Rule rule = Rule.LOW_PRIVILEGED_PORT_START;
            String where = scan.host().name() + (severalNamespaces ? " (" + facts.netns().describe() + ")" : "");
            findings.add(finding(rule, rule.severity(), severalNamespaces ? FindingSubject.HOST.in(facts.netns())
                            : FindingSubject.HOST, rule.attacker(),
                    "net.ipv4.ip_unprivileged_port_start is " + start + " on " + where,
                    "Any user on " + where + " may bind ports " + start + "-1023 whenever they are free. "
                            + rule.why(), List.of()));
        }
    }

    private static void linux(BindSemantics model, Scan scan, NamespaceInfo facts, SocketRecord s,
                              List<Finding> findings) {
        if (s.options().reuseAddress() == null || s.options().reusePort() == null) {
            optionsUnknown(scan, s, "SO_REUSEADDR/SO_REUSEPORT", "root", findings);
            return;
        }
        BindEndpoint victim = SocketView.endpoint(s);
        if (s.options().reusePort()) {
            BindAnswer join = ask(model, s, victim, sameAddress(s), victim.user(), BindOption.REUSEPORT);
            if (join.outcome().takesTraffic()) {
                Rule rule = Rule.LINUX_REUSEPORT_GROUP;
                boolean root = SocketView.isPrivilegedAccount(s);
                boolean shared = SocketView.isSharedAccount(s);
                Severity severity = root ? Severity.LOW : shared ? Severity.HIGH : rule.severity();
                String who = root ? "Only root processes can join (root gets no exemption, but root could take the"
                        + " socket anyway)." : shared ? "The owner is the shared account " + victim.user()
                        + ": every service running as " + victim.user() + " can join." : SocketView.user(s) == null
                        ? "Any process of the owner's user (not known) can join." : "Any process running as "
                        + victim.user() + " can join.";
                findings.add(finding(rule, severity, FindingSubject.of(s), root ? Attacker.ADMIN : rule.attacker(),
                        rule.title() + " — " + SocketView.endpointText(s),
                        SocketView.owner(s) + " set SO_REUSEPORT on " + SocketView.endpointText(s) + ". " + who
                                + " Model: " + join.explanation(), join.sources()));
            }
        }
        // Another user's SO_REUSEADDR bind of the same address: possible next to a UDP socket, and next to a TCP
        // socket that only bound (the first to listen then wins).
        boolean udp = s.protocol() == Protocol.UDP;
        boolean coBindable = udp || (s.isBoundOnly() && !onlyRootCanBind(OsFamily.LINUX, facts, s.localPort()));
        if (coBindable && s.options().reuseAddress()) {
            BindAnswer coBind = ask(model, s, victim, sameAddress(s), OTHER_USER, BindOption.REUSEADDR);
            if (coBind.outcome().takesTraffic()) {
                Rule rule = udp ? Rule.LINUX_UDP_REUSEADDR : Rule.TCP_BOUND_REUSEADDR;
                String anyUser = "a process of any user that sets SO_REUSEADDR can bind the same address and port";
                String explanation = udp
                        ? SocketView.owner(s) + " set SO_REUSEADDR on " + SocketView.endpointText(s) + ": " + anyUser
                                + ". Who receives unicast datagrams then: " + coBind.explanation() + " Multicast and"
                                + " broadcast datagrams go to both."
                        : SocketView.owner(s) + " bound " + SocketView.endpointText(s) + " with SO_REUSEADDR and does"
                                + " not listen yet: " + anyUser + (Boolean.FALSE.equals(coBind.firstCanStillListen())
                                ? " and, by listening first, make this socket's listen() fail" : "") + ". Model: "
                                + coBind.explanation();
                findings.add(finding(rule, rule.severity(), FindingSubject.of(s), rule.attacker(),
                        rule.title() + " — " + SocketView.endpointText(s), explanation, coBind.sources()));
            }
        }
    }

    private static void windows(BindSemantics model, Scan scan, SocketRecord s, List<Finding> findings) {
        BindEndpoint victim = SocketView.endpoint(s);
        boolean probeShared = s.probe() != null && s.probe().bound()
                && s.probe().optionSet().contains(SocketOption.REUSEADDR)
                && SocketView.comparedAddress(s.probe().address()).equals(sameAddress(s));
        if (Boolean.TRUE.equals(s.options().reuseAddress()) || probeShared) {
            // Shareable: SO_REUSEADDR as the only reuse option, the socket's own family options (V6ONLY/DUALSTACK) kept.
            Set<BindOption> shared = EnumSet.of(BindOption.REUSEADDR);
            victim.options().stream().filter(o -> o == BindOption.V6ONLY || o == BindOption.DUALSTACK)
                    .forEach(shared::add);
            BindEndpoint asShared = new BindEndpoint(victim.address(), shared, victim.user(), victim.state());
            BindAnswer coBind = ask(model, s, asShared, sameAddress(s), OTHER_USER, BindOption.REUSEADDR);
            if (coBind.outcome().takesTraffic()) {
                Rule rule = Rule.WIN_REUSEADDR_SHARED;
                String seen = probeShared ? "The safe bind probe co-bound " + s.probe().address() + " with "
                        + s.probe().options() + ", so the socket is shareable." : SocketView.owner(s)
                        + " set SO_REUSEADDR.";
                findings.add(finding(rule, rule.severity(), FindingSubject.of(s), rule.attacker(),
                        rule.title() + " — " + SocketView.endpointText(s), seen + " Any local user can bind "
                                + SocketView.endpointText(s) + " with SO_REUSEADDR: " + coBind.explanation(),
                        coBind.sources()));
                return;
            }
        }
        if (s.options().exclusiveAddressUse() == null) {
            if (s.process() != null && s.process().commandLine() != null
                    && s.process().commandLine().contains("-Dsun.net.useExclusiveBind=false")) {
                // The probe did not run, but the command line says what the JDK did.
                Rule rule = Rule.JAVA_EXCLUSIVE_OFF;
                findings.add(finding(rule, rule.severity(), FindingSubject.of(s), rule.attacker(),
                        rule.title() + " — " + SocketView.endpointText(s), SocketView.owner(s)
                                + " runs with -Dsun.net.useExclusiveBind=false, so " + SocketView.endpointText(s)
                                + " was bound without SO_EXCLUSIVEADDRUSE. " + rule.why(), List.of()));
            }
            optionsUnknown(scan, s, "SO_EXCLUSIVEADDRUSE", "an Administrator", findings);
            return;
        }
        if (!s.options().exclusiveAddressUse() && s.isWildcard()) {
            String specific = SocketView.family(s) == Family.IPV4 ? "127.0.0.1" : "::1";
            BindAnswer shadow = ask(model, s, victim, specific, victim.user());
            if (shadow.outcome() == Outcome.STEALS) {
                Rule rule = Rule.WIN_NOT_EXCLUSIVE;
                findings.add(finding(rule, rule.severity(), FindingSubject.of(s), rule.attacker(),
                        rule.title() + " — " + SocketView.endpointText(s), SocketView.owner(s) + " listens on "
                                + SocketView.endpointText(s) + " without SO_EXCLUSIVEADDRUSE: a process of user "
                                + victim.user() + " can bind " + specific + " on port " + s.localPort()
                                + " and take that address's traffic. " + shadow.explanation(), shadow.sources()));
            }
        }
    }

    private static void bsd(BindSemantics model, SocketRecord s, List<Finding> findings) {
        if (!s.isWildcard()) {
            return;
        }
        BindEndpoint victim = SocketView.endpoint(s);
        String specific = SocketView.family(s) == Family.IPV4 ? "127.0.0.1" : "::1";
        BindAnswer shadow = ask(model, s, victim, specific, victim.user(), BindOption.REUSEADDR);
        if (shadow.outcome() == Outcome.STEALS) {
            Rule rule = Rule.SPECIFIC_OVER_WILDCARD;
            findings.add(finding(rule, Severity.LOW, FindingSubject.of(s), Attacker.SAME_USER,
                    rule.title() + " — " + SocketView.endpointText(s), "A process of user " + victim.user()
                            + " could bind " + specific + " on port " + s.localPort() + " with SO_REUSEADDR and take"
                            + " that address's traffic from " + SocketView.owner(s) + ". " + shadow.explanation(),
                    shadow.sources()));
        }
    }

    /**
     * Only one loopback family is served and the other's port is free for any user (TCP listeners and bound UDP
     * sockets). The facts of the socket's namespace decide whether the free address exists and how clients reach it.
     * When another user already holds the other family's port, the shadow is not a possibility but in progress: that
     * is raised instead, higher (issue 18, defect 7). A socket of the same owner on the other family covers it.
     */
    private static void familyShadow(BindSemantics model, OsFamily os, Scan scan, NamespaceInfo facts,
                                     List<SocketRecord> samePort, SocketRecord s, List<Finding> findings) {
        if (s.isBoundOnly() || (s.protocol() == Protocol.UDP && s.remoteAddress() != null)) {
            return; // a socket that only bound serves no client yet; a connected UDP socket serves one peer
        }
        boolean v4 = SocketView.family(s) == Family.IPV4;
        String address = sameAddress(s);
        boolean servesLoopback = v4 ? (s.isWildcard() || address.equals("127.0.0.1"))
                : (address.equals("::1") || (s.isWildcard() && Boolean.TRUE.equals(s.options().ipv6Only())));
        if (!servesLoopback) {
            return;
        }
        String other = v4 ? "::1" : "127.0.0.1";
        FamilyShadow shadow = new FamilyShadow(s.isWildcard() ? (v4 ? "0.0.0.0" : "::") : address, other,
                s.protocol(), s.localPort());
        SocketRecord taker = null;
        boolean covered = false;
        for (SocketRecord r : samePort) {
            boolean maybeDualStack = SocketView.family(r) == Family.IPV6 && r.isWildcard() && r.options().ipv6Only() == null;
            if (SocketView.covers(r, other) || (v4 && maybeDualStack)) {
                if (SocketView.isAnotherUser(r, s)) {
                    taker = taker == null ? r : taker;
                } else {
                    covered = true; // the other family is served (or maybe served, when IPV6_V6ONLY is unknown)
                }
            }
        }
        String hostName = scan.host() == null ? null : scan.host().name();
        if (taker != null) {
            familyTaken(scan, facts, hostName, shadow, s, taker, findings);
            return;
        }
        if (covered || onlyRootCanBind(os, facts, s.localPort())) {
            return; // served by the owner; or only root could take it, and root can take any socket anyway
        }
        if (!shadow.possible(facts)) {
            return; // ::1 cannot be bound in that namespace (IPv6 disabled): nobody can take it
        }
        // A socket on an unresolved name may be the one serving the other family: still raise it, but say so.
        String uncertain = samePort.stream().filter(SocketRecord::isAddressUnknown).findFirst()
                .map(r -> " Uncertain: " + r.localAddress() + " port " + r.localPort() + " is a name in the capture"
                        + " (address unknown) and may be " + other + ".").orElse("");
        BindAnswer take = ask(model, s, SocketView.endpoint(s), other, OTHER_USER);
        if (take.error() == null) {
            Rule rule = Rule.LOCALHOST_FAMILY_SHADOW;
            String traffic = s.protocol() == Protocol.TCP ? "connections" : "datagrams";
            findings.add(finding(rule, shadow.severity(facts), FindingSubject.of(s), rule.attacker(),
                    rule.title() + " — " + SocketView.endpointText(s), SocketView.owner(s)
                            + (s.protocol() == Protocol.TCP ? " listens on " : " is bound to ")
                            + SocketView.endpointText(s) + " but nothing is bound to " + other + " port "
                            + s.localPort() + ": any user can bind it with no option and receive the " + traffic
                            + " of clients that resolve localhost to " + other + ". "
                            + shadow.hostFacts(facts, hostName) + " Kernel view: " + take.explanation() + uncertain,
                    take.sources(), shadow.remediation()));
        }
    }

    /** Another user holds the other loopback family of the port: the shadow is happening (LOCALHOST-FAMILY-TAKEN). */
    private static void familyTaken(Scan scan, NamespaceInfo facts, String hostName, FamilyShadow shadow,
                                    SocketRecord s, SocketRecord taker, List<Finding> findings) {
        Rule rule = Rule.LOCALHOST_FAMILY_TAKEN;
        String traffic = s.protocol() == Protocol.TCP ? "connections" : "datagrams";
        String since = scan.collectedAt() == null ? "Since when is not known (the scan records no time)."
                : "Held at least since " + scan.collectedAt() + ", when this scan was made (the scan does not record"
                + " when the socket was opened).";
        String who = SocketView.owner(taker);
        String fix = shadow.remediation();
        findings.add(finding(rule, rule.severity(), FindingSubject.of(s), rule.attacker(),
                rule.title() + " — " + SocketView.endpointText(s), who + " holds " + SocketView.endpointText(taker)
                        + " beside " + SocketView.owner(s) + " on " + SocketView.endpointText(s) + ": a different user"
                        + " receives the " + traffic + " of clients that resolve localhost to " + shadow.other()
                        + " now. " + shadow.hostFacts(facts, hostName) + " " + since,
                List.of(), "Check " + who + " at once: unless it belongs to the service on "
                        + SocketView.endpointText(s) + ", stop it (it may have read what clients sent), then "
                        + Character.toLowerCase(fix.charAt(0)) + fix.substring(1)));
    }

    /** A wildcard listener and another process's socket on a specific address of the same port. */
    private static void specificOverWildcard(BindSemantics model, List<SocketRecord> samePort, SocketRecord w,
                                             List<Finding> findings) {
        if (!w.isWildcard() || w.isBoundOnly()) {
            return;
        }
        for (SocketRecord r : samePort) {
            if (r.isAddressUnknown() && !r.isBoundOnly() && !Objects.equals(r.pid(), w.pid())) {
                unknownOverWildcard(w, r, findings);
                continue;
            }
            if (r.isWildcard() || r.isBoundOnly() || Objects.equals(r.pid(), w.pid())
                    || !SocketView.covers(w, sameAddress(r))) {
                continue; // a socket that only bound takes no traffic (yet)
            }
            BindAnswer answer = model.answer(new BindQuestion(model.os(), w.protocol(), SocketView.endpoint(w),
                    SocketView.endpoint(r)));
            Rule rule = Rule.SPECIFIC_OVER_WILDCARD;
            findings.add(finding(rule, rule.severity(), FindingSubject.of(w), Attacker.SAME_USER,
                    rule.title() + " — " + SocketView.endpointText(w), SocketView.owner(r) + " is bound to "
                            + r.localEndpoint() + " next to " + SocketView.owner(w) + " on " + w.localEndpoint()
                            + ": traffic to " + sameAddress(r)
                            + " goes to the more specific socket, not to the wildcard listener."
                            + (answer.outcome() == Outcome.STEALS ? " Model: " + answer.explanation() : ""),
                    answer.sources()));
        }
    }

    /**
     * A socket whose address a capture gave only as a name (never resolved) next to a wildcard listener: the name may
     * be any address of the machine, so the specific-over-wildcard risk is raised, marked uncertain, not dropped.
     */
    private static void unknownOverWildcard(SocketRecord w, SocketRecord r, List<Finding> findings) {
        Rule rule = Rule.SPECIFIC_OVER_WILDCARD;
        String name = r.localAddress();
        findings.add(finding(rule, rule.severity(), FindingSubject.of(w), Attacker.SAME_USER,
                rule.title() + " — " + SocketView.endpointText(w) + " (address unknown)", SocketView.owner(r)
                        + " is bound to " + name + " port " + r.localPort() + " next to " + SocketView.owner(w) + " on "
                        + w.localEndpoint() + ". Address unknown (name in capture): \"" + name + "\" was not resolved"
                        + (r.names() != null && r.names().truncated() ? " and the tool cut it to its column" : "")
                        + ". If it is an address of this machine, its traffic goes to the more specific socket, not to"
                        + " the wildcard listener. Uncertain: check which address the name stands for.", List.of()));
    }

    /** Sockets of several processes on one namespace, protocol, address and port, shown together. */
    private static void reuseGroups(List<SocketRecord> listening, boolean severalNamespaces, List<Finding> findings) {
        Map<GroupKey, List<SocketRecord>> groups = new LinkedHashMap<>();
        for (SocketRecord s : listening) {
            if (s.pid() != null) {
                groups.computeIfAbsent(new GroupKey(s.netns(), s.protocol(), s.localAddress(), s.localPort()),
                        k -> new ArrayList<>()).add(s);
            }
        }
        for (List<SocketRecord> group : groups.values()) {
            List<SocketRecord> members = group.stream().sorted(Comparator.comparing(SocketRecord::pid)).toList();
            long pids = members.stream().map(SocketRecord::pid).distinct().count();
            long inodes = members.stream().map(SocketRecord::inode).distinct().count();
            if (pids < 2 || (members.get(0).inode() != null && inodes < 2)) {
                continue; // one process, or one socket inherited by several processes
            }
            boolean unknown = members.stream().anyMatch(m -> SocketView.user(m) == null
                    || m.process() == null || m.process().name() == null);
            Set<String> who = members.stream().map(m -> SocketView.user(m) + "|"
                    + (m.process() == null ? null : m.process().name())).collect(Collectors.toSet());
            Rule rule = Rule.REUSE_GROUP_OBSERVED;
            // Only a group known to run one program as one user is likely a deliberate SO_REUSEPORT group.
            boolean oneProgram = !unknown && who.size() == 1;
            Severity severity = oneProgram ? Severity.MEDIUM : Severity.HIGH;
            SocketRecord first = members.get(0);
            findings.add(finding(rule, severity, FindingSubject.of(first, severalNamespaces), rule.attacker(),
                    rule.title() + " — " + SocketView.endpointText(first), pids + " processes have their own socket on "
                            + SocketView.endpointText(first) + ": " + members.stream().map(SocketView::owner)
                            .distinct().collect(Collectors.joining("; ")) + "."
                            + (unknown ? " Their programs or users are not known: check each one."
                            : !oneProgram ? " They differ in program or user." : " They run the same program as the"
                            + " same user (a deliberate SO_REUSEPORT group is likely)."), List.of()));
        }
    }

    private record GroupKey(NetNs netns, Protocol protocol, String address, int port) {
    }

    /** Linux/BSD: the port is below the unprivileged port start (the namespace's sysctl when known, else 1024). */
    private static boolean onlyRootCanBind(OsFamily os, NamespaceInfo facts, int port) {
        int unprivilegedStart = os == OsFamily.LINUX && facts.unprivilegedPortStart() != null
                ? facts.unprivilegedPortStart() : DEFAULT_UNPRIVILEGED_PORT_START;
        return os != OsFamily.WINDOWS && os != OsFamily.WINDOWS_XP && port < unprivilegedStart;
    }

    private static void optionsUnknown(Scan scan, SocketRecord s, String what, String elevated, List<Finding> findings) {
        Rule rule = Rule.OPTIONS_UNKNOWN;
        boolean imported = scan.sources().stream().anyMatch(source -> source.startsWith("import:"));
        String reason = imported ? "the imported capture does not show socket options; run 'socket-inspector audit'"
                + " on that machine as " + elevated : !scan.privileged() ? "the scan ran without the rights to read"
                + " other processes' sockets; run the audit as " + elevated : "they could not be read (the process"
                + " may have exited, or its socket is in another namespace)";
        findings.add(finding(rule, rule.severity(), FindingSubject.of(s), rule.attacker(),
                rule.title() + " — " + SocketView.endpointText(s), "The " + what + " options of "
                        + SocketView.endpointText(s) + " owned by " + SocketView.owner(s) + " are unknown: " + reason
                        + ".", List.of()));
    }

    /**
     * The address another socket binds to claim this socket's own, as the model compares addresses: 127.0.0.1 for a
     * dual-stack socket bound to ::ffff:127.0.0.1 (an attacker binds it on a plain IPv4 socket).
     */
    private static String sameAddress(SocketRecord s) {
        return SocketView.comparedAddress(s.localAddress());
    }

    private static BindAnswer ask(BindSemantics model, SocketRecord s, BindEndpoint first, String address, String user,
                                  BindOption... options) {
        return model.answer(new BindQuestion(model.os(), s.protocol(), first,
                new BindEndpoint(address, Set.of(options), user, BindState.BOUND)));
    }

    private static Finding finding(Rule rule, Severity severity, FindingSubject subject, Attacker attacker, String title,
                                   String explanation, List<String> modelSources) {
        return finding(rule, severity, subject, attacker, title, explanation, modelSources, rule.remediation());
    }

    /** With a remediation fitted to the socket (its own address and port) instead of the rule's general one. */
    private static Finding finding(Rule rule, Severity severity, FindingSubject subject, Attacker attacker, String title,
                                   String explanation, List<String> modelSources, String remediation) {
        List<String> references = new ArrayList<>(rule.references());
        modelSources.stream().filter(r -> !references.contains(r)).forEach(references::add);
        return new Finding(rule.id(), severity, subject, attacker, title, explanation, remediation, references,
                false);
    }
}
