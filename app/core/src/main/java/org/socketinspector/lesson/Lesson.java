package org.socketinspector.lesson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.socketinspector.lesson.LessonStep.Kind;
import org.socketinspector.lesson.LessonStep.Receiver;
import org.socketinspector.model.Protocol;
import org.socketinspector.rules.Rule;
import org.socketinspector.rules.RuleCatalog;
import org.socketinspector.semantics.BindAnswer;
import org.socketinspector.semantics.BindEndpoint;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.BindState;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.Outcome;

/**
 * A case told step by step from the bind-semantics model: the service binds and listens, the attacker binds (allowed
 * or refused, in the model's words), clients connect and each connection goes where the model says, and a
 * conclusion names the finding and its remediation. Pure: the view only draws the current step.
 *
 * @param lessonCase the case
 * @param port       the port of the story (any unprivileged port: the model's answer does not depend on it)
 * @param target     where the clients send
 * @param answer     the model's answer to the case's question
 * @param atTarget   what the attacker's bind means for traffic to {@code target} (differs from the answer's outcome
 *                   when the target is one only one socket covers, as in a family shadow)
 * @param steps      the steps, in order
 * @param conclusion the last step's card
 */
public record Lesson(ClassroomCase lessonCase, int port, String target, BindAnswer answer, Outcome atTarget,
                     List<LessonStep> steps, Conclusion conclusion) {

    public static final int PORT = 8080;
    public static final int DEFAULT_CONNECTIONS = 10;

    public Lesson {
        steps = List.copyOf(steps);
    }

    /**
     * The conclusion card.
     *
     * @param risk        the risk in one sentence
     * @param ruleId      the finding the case corresponds to, null for a control without one
     * @param ruleTitle   its title, null without a rule
     * @param remediation its remediation text, null without a rule
     */
    public record Conclusion(String risk, String ruleId, String ruleTitle, String remediation) {
    }

    /** The lesson of {@code c} as {@code model} answers it, with {@code connections} clients (1..100). */
    public static Lesson of(ClassroomCase c, BindSemantics model, int connections) {
        if (connections < 1 || connections > 100) {
            throw new IllegalArgumentException("connections " + connections + " is not between 1 and 100");
        }
        BindAnswer answer = model.answer(c.question());
        String target = c.target() != null ? c.target() : model.target(c.question());
        Outcome atTarget = model.outcomeAt(c.question(), answer, target);
        return new Builder(c, answer, target, atTarget, connections).build();
    }

    public int size() {
        return steps.size();
    }

    /** Who decides, in a split, which socket gets a connection: one phrase for the slide. */
    public static String splitRule(OsFamily os) {
        return switch (os) {
            case LINUX -> "a hash decides";
            case WINDOWS, WINDOWS_XP -> "indeterminate";
            case MACOS, FREEBSD -> "the kernel decides";
        };
    }

    /** "[::1]:8080" or "127.0.0.1:8080". */
    public static String endpoint(String address, int port) {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    /** The first sentence of a text (remediations go on to list per-language details). */
    static String firstSentence(String text) {
        String[] parts = text.split("\\.\\s+(?=[A-Z.])", 2);
        return parts.length == 1 ? text : parts[0] + ".";
    }

    private static final class Builder {
        private final ClassroomCase c;
        private final BindAnswer answer;
        private final String target;
        private final Outcome atTarget;
        private final int connections;
        private final boolean tcp;
        private final String traffic;
        private final List<LessonStep> steps = new ArrayList<>();
        private Party victim;
        private Party attacker;

        Builder(ClassroomCase c, BindAnswer answer, String target, Outcome atTarget, int connections) {
            this.c = c;
            this.answer = answer;
            this.target = target;
            this.atTarget = atTarget;
            this.connections = connections;
            this.tcp = c.protocol() == Protocol.TCP;
            this.traffic = tcp ? "connections" : "datagrams";
            victim = party("Service", c.question().first());
            attacker = party("Attacker", c.question().second());
        }

        private static Party party(String role, BindEndpoint e) {
            return new Party(role, e.user(), endpoint(e.address(), PORT), ClassroomCase.options(e), Party.Status.ABSENT,
                    null, 0);
        }

        Lesson build() {
            String proto = c.protocol().name();
            victim = victim.with(Party.Status.BOUND);
            add(Kind.VICTIM_BINDS, "The service binds " + victim.address(),
                    victim.user() + "'s service starts and binds " + proto + " " + victim.address() + " with "
                            + victim.options() + ".");
            BindState state = c.question().first().state();
            if (tcp) {
                victim = victim.with(Party.Status.LISTENING);
                add(Kind.VICTIM_LISTENS, "The service listens",
                        "It listens: clients can now connect to " + victim.address() + ".");
            }
            if (state == BindState.TIME_WAIT) {
                victim = victim.with(Party.Status.TIME_WAIT);
                add(Kind.VICTIM_EXITS, "The service stops",
                        "It closed its clients' connections first and exited: for a minute the port holds only"
                                + " TIME_WAIT connections on " + endpoint(target, PORT) + ", with the service's options.");
            } else if (state == BindState.CONNECTED) {
                victim = victim.with(Party.Status.CONNECTED);
                add(Kind.VICTIM_CONNECTS, "The service connects to its client",
                        "It connects its socket to one client, whose datagrams to " + endpoint(target, PORT)
                                + " the kernel now prefers to deliver to it.");
            }
            attackerBinds();
            if (answer.error() == null && tcp) {
                attacker = attacker.with(Party.Status.LISTENING);
                add(Kind.ATTACKER_LISTENS, "The attacker listens",
                        "The attacker listens on " + attacker.address() + " and waits for the service's clients.");
            }
            List<Receiver> deliveries = deliveries();
            int toAttacker = Collections.frequency(deliveries, Receiver.ATTACKER);
            victim = victim.receiving(gone() ? 0 : connections - toAttacker);
            attacker = attacker.receiving(toAttacker);
            steps.add(new LessonStep(Kind.CONNECT, (tcp ? "Clients connect to " : "Clients send to ")
                    + endpoint(target, PORT), connectNarration(toAttacker), victim, attacker, deliveries));
            Conclusion conclusion = conclusion(toAttacker);
            String rule = conclusion.ruleId() == null ? "" : " " + ruleSentence(conclusion)
                    + " Remediation: " + firstSentence(conclusion.remediation());
            add(Kind.CONCLUSION, "What it means", conclusion.risk() + rule);
            return new Lesson(c, PORT, target, answer, atTarget, steps, conclusion);
        }

        private void attackerBinds() {
            String who = attacker.user().equals(victim.user()) ? "Another process of " + attacker.user()
                    : attacker.user() + "'s process";
            String start = who + " binds " + attacker.address() + " with " + attacker.options();
            if (answer.error() != null) {
                attacker = attacker.refused(answer.error());
                add(Kind.ATTACKER_BINDS, "The attacker's bind is refused: " + answer.error(),
                        start + ": refused with " + answer.error() + ". " + answer.explanation());
            } else {
                attacker = attacker.with(Party.Status.BOUND);
                add(Kind.ATTACKER_BINDS, "The attacker's bind is allowed",
                        start + ": the bind succeeds. " + answer.explanation());
            }
        }

        private void add(Kind kind, String title, String narration) {
            steps.add(new LessonStep(kind, title, narration, victim, attacker, List.of()));
        }

        /** Who gets each connection; a split is drawn at random with a fixed seed, so a lesson replays the same. */
        private List<Receiver> deliveries() {
            List<Receiver> list = new ArrayList<>();
            Random hash = new Random(c.name().hashCode());
            if (gone() && !atTarget.takesTraffic()) {
                return list; // the service exited: nobody accepts them
            }
            for (int i = 0; i < connections; i++) {
                list.add(switch (atTarget) {
                    case STEALS -> Receiver.ATTACKER;
                    case SHARES -> hash.nextBoolean() ? Receiver.ATTACKER : Receiver.VICTIM;
                    case SEPARATE, REFUSED -> Receiver.VICTIM;
                });
            }
            return list;
        }

        /** A time-wait case: the service has exited before the attacker binds. */
        private boolean gone() {
            return c.question().first().state() == BindState.TIME_WAIT;
        }

        private String connectNarration(int toAttacker) {
            String to = endpoint(target, PORT);
            if (gone() && !atTarget.takesTraffic()) {
                return "No one accepts the " + traffic + " to " + to + ": the service is gone and the new bind "
                        + (answer.error() == null ? "is on another address." : "was refused; a restart must wait"
                        + " for the TIME_WAIT connections to expire.");
            }
            return switch (atTarget) {
                case STEALS -> "All " + connections + " " + traffic + " to " + to + " go to the attacker"
                        + (c.question().first().state() == BindState.TIME_WAIT
                        ? ": the service is gone and the new socket holds its port."
                        : BindSemantics.forOs(c.os()).covers(c.question().first(), target)
                        ? ": its socket wins the lookup." : ": the service does not listen on " + target + " at all.");
                case SHARES -> "The " + connections + " " + traffic + " are split, " + (connections - toAttacker)
                        + " to the service and " + toAttacker + " to the attacker: " + splitRule(c.os()) + ".";
                case SEPARATE -> "All " + connections + " " + traffic + " to " + to
                        + " go to the service: the attacker's socket does not receive them.";
                case REFUSED -> "All " + connections + " " + traffic + " go to the service: the attacker holds nothing.";
            };
        }

        private Conclusion conclusion(int toAttacker) {
            String risk = switch (atTarget) {
                case STEALS -> "Risk: the attacker takes every client of the service at " + endpoint(target, PORT) + ".";
                case SHARES -> "Risk: the attacker receives a share of the service's clients (" + toAttacker + " of "
                        + connections + " here).";
                case SEPARATE, REFUSED -> gone() ? "No one takes over the port while its TIME_WAIT connections last."
                        : "No risk here: the service keeps all its traffic.";
            };
            if (c.rule() == null) {
                return new Conclusion(risk, null, null, null);
            }
            Rule rule = RuleCatalog.byId(c.rule());
            return new Conclusion(risk, rule.id(), rule.title(), rule.remediation());
        }

        private String ruleSentence(Conclusion conclusion) {
            return atTarget.takesTraffic()
                    ? "Finding " + conclusion.ruleId() + ": " + conclusion.ruleTitle() + "."
                    : "Finding " + conclusion.ruleId() + " (" + conclusion.ruleTitle() + ") is what this case guards against.";
        }
    }
}
