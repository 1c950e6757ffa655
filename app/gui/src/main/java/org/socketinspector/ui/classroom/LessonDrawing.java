package org.socketinspector.ui.classroom;

import java.util.List;
import javafx.animation.Animation;
import javafx.animation.ParallelTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.animation.TranslateTransition;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.util.Duration;
import org.socketinspector.lesson.Lesson;
import org.socketinspector.lesson.LessonStep.Receiver;
import org.socketinspector.lesson.LessonStep;
import org.socketinspector.lesson.Party;
import org.socketinspector.model.Protocol;
import org.socketinspector.semantics.Outcome;
import org.socketinspector.ui.common.ShownText;

/**
 * The picture of one lesson step on a fixed 900 x 400 plane: the clients on the left, the service above and the
 * attacker below on the right, arrows to whoever can receive, and for the connect step one dot per connection
 * travelling to the process that gets it while its counter runs. The view scales the plane for projector mode.
 */
final class LessonDrawing extends Pane {

    static final double WIDTH = 900;
    static final double HEIGHT = 400;
    private static final double BOX_X = 540;
    private static final double BOX_W = 340;
    private static final double BOX_H = 160;
    private static final double VICTIM_Y = 20;
    private static final double ATTACKER_Y = 220;
    private static final double CLIENTS_X = 20;
    private static final double CLIENTS_W = 220;
    private static final double CLIENTS_H = 120;
    /** A connection leaves every STAGGER travel times, so about three are on their way at once. */
    private static final double STAGGER = 0.35;

    private Duration connectionDuration;
    private Animation running;
    private Label victimCount;
    private Label attackerCount;

    /** @param connectionDuration how long one connection takes to travel; zero draws the step's end at once */
    LessonDrawing(Duration connectionDuration) {
        this.connectionDuration = connectionDuration;
        setId("classroom-drawing");
        getStyleClass().add("classroom-drawing");
        setMinSize(WIDTH, HEIGHT);
        setPrefSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
    }

    void setConnectionDuration(Duration connectionDuration) {
        this.connectionDuration = connectionDuration;
    }

    /** How long the connect step's animation of {@code step} lasts (zero for other steps). */
    Duration animationLength(LessonStep step) {
        int n = step.deliveries().size();
        if (n == 0 || connectionDuration.lessThanOrEqualTo(Duration.ZERO)) {
            return Duration.ZERO;
        }
        return connectionDuration.multiply(1 + (n - 1) * STAGGER);
    }

    /** Draws the step; with {@code animate}, the connect step's connections travel one by one from zero. */
    void draw(Lesson lesson, LessonStep step, boolean animate) {
        stop();
        getChildren().clear();
        if (lesson == null || step == null) {
            return;
        }
        double clientsY = (HEIGHT - CLIENTS_H) / 2;
        Point2D from = new Point2D(CLIENTS_X + CLIENTS_W, clientsY + CLIENTS_H / 2);
        Point2D toVictim = new Point2D(BOX_X, VICTIM_Y + BOX_H / 2);
        Point2D toAttacker = new Point2D(BOX_X, ATTACKER_Y + BOX_H / 2);
        boolean trafficFlows = step.kind() == LessonStep.Kind.CONNECT || step.kind() == LessonStep.Kind.CONCLUSION;
        if (trafficFlows && step.victim().received() > 0) {
            arrow(from, toVictim, "classroom-arrow-victim");
        }
        if (trafficFlows && step.attacker().received() > 0) {
            arrow(from, toAttacker, "classroom-arrow-attacker");
        }
        VBox clients = box("classroom-clients", CLIENTS_X, clientsY, CLIENTS_W, CLIENTS_H);
        clients.getChildren().addAll(label("Clients", "classroom-box-title"),
                label("→ " + Lesson.endpoint(lesson.target(), lesson.port()), "classroom-socket"),
                label(trafficFlows ? clientsNote(lesson, step) : "waiting", "classroom-muted"));
        boolean animating = animate && !step.deliveries().isEmpty() && connectionDuration.greaterThan(Duration.ZERO);
        victimCount = party(step.victim(), VICTIM_Y, "classroom-victim", animating ? 0 : step.victim().received());
        attackerCount = party(step.attacker(), ATTACKER_Y, "classroom-attacker", animating ? 0 : step.attacker().received());
        victimCount.setId("classroom-victim-count");
        attackerCount.setId("classroom-attacker-count");
        if (animating) {
            animate(step.deliveries(), from, toVictim, toAttacker);
        }
    }

    /** "10 connections", and for a split who decides it. */
    private static String clientsNote(Lesson lesson, LessonStep step) {
        String traffic = lesson.lessonCase().protocol() == Protocol.TCP ? "connections" : "datagrams";
        String split = lesson.atTarget() == Outcome.SHARES
                ? ", " + Lesson.splitRule(lesson.lessonCase().os()) + " who gets each" : "";
        return (step.victim().received() + step.attacker().received()) + " " + traffic + split;
    }

    /** Stops a running animation (a new step, a new case). */
    void stop() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    boolean animating() {
        return running != null && running.getStatus() == Animation.Status.RUNNING;
    }

    private Label party(Party p, double y, String styleClass, int received) {
        VBox box = box(styleClass, BOX_X, y, BOX_W, BOX_H);
        box.getStyleClass().add("classroom-" + p.status().name().toLowerCase(java.util.Locale.ROOT));
        Label title = label(p.role() + " · " + p.user(), "classroom-box-title");
        Label socket = label(p.address() + "  " + p.options(), "classroom-socket");
        Label status = label(statusText(p), "classroom-status");
        status.setId(styleClass + "-status");
        Label count = label("", "classroom-count");
        setCount(count, received);
        box.getChildren().addAll(title, socket, status, count);
        return count;
    }

    private static String statusText(Party p) {
        return switch (p.status()) {
            case ABSENT -> "not started yet";
            case BOUND -> "bound ✔";
            case LISTENING -> "listening ✔";
            case CONNECTED -> "connected to its client ✔";
            case TIME_WAIT -> "exited: only TIME_WAIT connections hold the port";
            case REFUSED -> "bind refused: " + p.error() + " ✘";
        };
    }

    private static void setCount(Label count, int received) {
        count.setText("received: " + received);
        count.setUserData(received);
    }

    private VBox box(String styleClass, double x, double y, double w, double h) {
        VBox box = new VBox(4);
        box.getStyleClass().addAll("classroom-box", styleClass);
        box.setPrefSize(w, h);
        box.setMinSize(w, h);
        box.setMaxSize(w, h);
        box.relocate(x, y);
        getChildren().add(box);
        return box;
    }

    /** A label of the drawing: its users and addresses may come from a what-if case, so they are shown escaped. */
    private static Label label(String text, String styleClass) {
        Label label = ShownText.label(text);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        return label;
    }

    private void arrow(Point2D from, Point2D to, String styleClass) {
        Line line = new Line(from.getX(), from.getY(), to.getX() - 10, to.getY());
        line.getStyleClass().addAll("classroom-arrow", styleClass);
        double angle = Math.atan2(to.getY() - from.getY(), to.getX() - from.getX());
        double size = 14;
        Polygon head = new Polygon(to.getX(), to.getY(),
                to.getX() - size * Math.cos(angle - 0.4), to.getY() - size * Math.sin(angle - 0.4),
                to.getX() - size * Math.cos(angle + 0.4), to.getY() - size * Math.sin(angle + 0.4));
        head.getStyleClass().addAll("classroom-arrow-head", styleClass);
        getChildren().addAll(line, head);
    }

    /** One dot per connection, leaving the clients one after another; a counter ticks when its dot arrives. */
    private void animate(List<Receiver> deliveries, Point2D from, Point2D toVictim, Point2D toAttacker) {
        ParallelTransition all = new ParallelTransition();
        for (int i = 0; i < deliveries.size(); i++) {
            boolean attacker = deliveries.get(i) == Receiver.ATTACKER;
            Point2D to = attacker ? toAttacker : toVictim;
            Circle dot = new Circle(from.getX(), from.getY(), 9);
            dot.getStyleClass().addAll("classroom-dot", attacker ? "classroom-dot-attacker" : "classroom-dot-victim");
            dot.setVisible(false);
            getChildren().add(dot);
            TranslateTransition travel = new TranslateTransition(connectionDuration, dot);
            travel.setToX(to.getX() - from.getX() - 9);
            travel.setToY(to.getY() - from.getY());
            Label count = attacker ? attackerCount : victimCount;
            travel.setOnFinished(e -> {
                getChildren().remove(dot);
                setCount(count, (Integer) count.getUserData() + 1);
            });
            PauseTransition wait = new PauseTransition(connectionDuration.multiply(STAGGER * i));
            wait.setOnFinished(e -> dot.setVisible(true));
            all.getChildren().add(new SequentialTransition(wait, travel));
        }
        running = all;
        all.play();
    }
}
