package org.socketinspector.lesson;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.socketinspector.model.Protocol;
import org.socketinspector.semantics.BindEndpoint;
import org.socketinspector.semantics.BindOption;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindState;
import org.socketinspector.semantics.OsFamily;

/**
 * A case the classroom can teach: the model's question (the service first, the attacker second), where the
 * clients send, and the finding it illustrates. Built from a replay preset (for any OS: nothing runs) or from a
 * what-if question.
 *
 * @param name        the preset's name, or "what-if"
 * @param description one or two sentences for the picker
 * @param question    the service's socket (first) and the attacker's (second), with their users
 * @param target      where the clients send; null: the address the model's answer is about
 * @param rule        the rule id the case demonstrates (or whose remediation a control shows); null if none
 */
public record ClassroomCase(String name, String description, BindQuestion question, String target, String rule) {

    /** The service's account in presets; the attacker is this user too, or {@link #OTHER_USER}. */
    public static final String SERVICE_USER = "alice";
    public static final String OTHER_USER = "mallory";

    /** A preset, taught on the OS it is about (same user: alice twice; another user: mallory). */
    public static ClassroomCase of(ReplayPreset p) {
        // A lesson shows the same user names on every machine: alice, mallory, root.
        BindQuestion q = new BindQuestion(p.os(), p.protocol(),
                p.victim().endpoint(user(p.victim()), p.protocol() == Protocol.TCP && p.victim().listen()
                        ? BindState.LISTEN : BindState.BOUND),
                p.attacker().endpoint(user(p.attacker()), BindState.BOUND), null);
        return new ClassroomCase(p.name(), p.description(), q, p.target(), p.rule());
    }

    /** Cases the model teaches that no lab preset replays: they are in the picker after the presets. */
    public static final List<ClassroomCase> MODEL_CASES = List.of(
            new ClassroomCase("linux-restart-over-time-wait", "A server with SO_REUSEADDR stops while its clients'"
                    + " connections are in TIME_WAIT; another user's process with SO_REUSEADDR takes the port at once.",
                    new BindQuestion(OsFamily.LINUX, Protocol.TCP,
                            new BindEndpoint("0.0.0.0", Set.of(BindOption.REUSEADDR), SERVICE_USER,
                                    BindState.TIME_WAIT),
                            new BindEndpoint("0.0.0.0", Set.of(BindOption.REUSEADDR), OTHER_USER,
                                    BindState.BOUND)), null, null),
            new ClassroomCase("linux-java-mapped-loopback", "A Java server binds \"127.0.0.1\" through a dual-stack"
                    + " socket (::ffff:127.0.0.1); a process of the same user binds 127.0.0.1 with SO_REUSEPORT.",
                    new BindQuestion(OsFamily.LINUX, Protocol.TCP,
                            new BindEndpoint("::ffff:127.0.0.1", Set.of(BindOption.DUALSTACK, BindOption.REUSEPORT),
                                    SERVICE_USER, BindState.LISTEN),
                            new BindEndpoint("127.0.0.1", Set.of(BindOption.REUSEPORT), SERVICE_USER,
                                    BindState.BOUND)), null, null));

    /** A what-if question, as the what-if dialog asks it. */
    public static ClassroomCase of(BindQuestion q) {
        String description = "What if " + q.second().user() + " binds " + q.second().address() + " "
                + options(q.second()) + " while " + q.first().user() + " has " + q.first().address() + " "
                + options(q.first()) + " on " + q.os().wireName() + "?";
        return new ClassroomCase("what-if " + q.second().address() + " vs " + q.first().address(), description, q,
                null, null);
    }

    public OsFamily os() {
        return question.os();
    }

    public Protocol protocol() {
        return question.protocol();
    }

    /** "reuseaddr+reuseport", or "no options". */
    static String options(BindEndpoint e) {
        Set<BindOption> shown = EnumSet.noneOf(BindOption.class);
        shown.addAll(e.options());
        shown.remove(BindOption.DUALSTACK); // the default the presets set explicitly: not worth a word on a slide
        return shown.isEmpty() ? "no options"
                : String.join("+", shown.stream().map(BindOption::wireName).toList());
    }

    private static String user(SocketSpec s) {
        return s.uid() == ReplayPreset.OTHER_USER ? OTHER_USER : s.uid() == 0 ? "root" : SERVICE_USER;
    }

    @Override
    public String toString() {
        return name + " (" + os().wireName() + ")";
    }
}
