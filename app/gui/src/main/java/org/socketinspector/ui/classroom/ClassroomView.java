package org.socketinspector.ui.classroom;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.socketinspector.experiment.ReplayRequest;
import org.socketinspector.lesson.ClassroomCase;
import org.socketinspector.lesson.Lesson;
import org.socketinspector.lesson.LessonStep;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.ui.common.ShownText;
import org.socketinspector.ui.common.WrappingToolBar;

/**
 * The Classroom tab: a case picker, the teacher's controls (Restart, Previous, Play, Next; Left, Right and Space),
 * the drawing of the current step, its narration in large type, and a projector mode. Thin: the lesson is built by
 * {@link Lesson}, the state kept by {@link ClassroomViewModel}.
 */
public final class ClassroomView extends BorderPane {

    /** Projector mode makes the drawing as large as the space allows; normal mode never enlarges it. */
    private static final double NORMAL_MAX_SCALE = 1.0;
    private static final double PROJECTOR_MAX_SCALE = 2.2;

    private final ClassroomViewModel model;
    /** How long Play shows each step, and how long one connection travels. */
    public static final Duration STEP_DURATION = Duration.seconds(1.5);
    public static final Duration CONNECTION_DURATION = Duration.millis(1000);

    private Duration stepDuration = STEP_DURATION;
    private final LessonDrawing drawing = new LessonDrawing(CONNECTION_DURATION);
    private final StackPane stage;
    private final Group scaled;
    private final VBox conclusionCard = new VBox(12);
    private final Label title = new Label();
    private final Label narration = new Label();
    private final Label progress = new Label();
    private final Label description = new Label();
    private final ToggleButton play = new ToggleButton("▶ Play");
    private final Button replay = new Button("Replay it for real…");
    private final Consumer<ReplayRequest> replayHandler;
    private final Runnable askQuestion;
    private PauseTransition autoAdvance;

    /**
     * @param replayHandler hands a case to the Experiments tab, or null for no "Replay it for real"
     * @param askQuestion   asks the shell for a what-if question to teach (it comes back as {@link #teach})
     */
    public ClassroomView(ClassroomViewModel model, Consumer<ReplayRequest> replayHandler, Runnable askQuestion) {
        this.model = model;
        this.replayHandler = replayHandler;
        this.askQuestion = askQuestion;
        setId("classroom");
        getStyleClass().add("classroom");
        getStylesheets().add(ClassroomView.class.getResource("classroom.css").toExternalForm());

        scaled = new Group(drawing);
        stage = new StackPane(scaled);
        stage.setMinSize(0, 0);
        stage.getStyleClass().add("classroom-stage");
        stage.widthProperty().addListener(o -> rescale());
        stage.heightProperty().addListener(o -> rescale());
        buildConclusionCard();
        StackPane center = new StackPane(stage, conclusionCard);
        center.setMinSize(0, 0);
        VBox.setVgrow(center, Priority.ALWAYS);

        title.setId("classroom-title");
        title.getStyleClass().add("classroom-title");
        title.setWrapText(true);
        narration.setId("classroom-narration");
        narration.getStyleClass().add("classroom-narration");
        narration.setWrapText(true);
        narration.setMinHeight(Region.USE_PREF_SIZE);
        narration.setMaxWidth(Double.MAX_VALUE);
        description.setId("classroom-description");
        description.getStyleClass().add(Styles.TEXT_MUTED);
        description.setWrapText(true);
        Label problem = new Label();
        problem.setId("classroom-problem");
        problem.getStyleClass().add(Styles.DANGER);
        ShownText.bind(problem, model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        VBox top = new VBox(6, toolbar(), description, problem);
        top.setPadding(new Insets(10, 14, 6, 14));
        setTop(top);
        VBox middle = new VBox(8, title, center);
        middle.setPadding(new Insets(4, 14, 4, 14));
        setCenter(middle);
        VBox bottom = new VBox(narration);
        bottom.getStyleClass().add("classroom-narration-box");
        bottom.setPadding(new Insets(12, 18, 16, 18));
        setBottom(bottom);

        model.stepProperty().addListener((Observable o) -> show(true));
        model.projectorProperty().addListener((Observable o) -> {
            getStyleClass().remove("projector");
            if (model.projectorProperty().get()) {
                getStyleClass().add("projector");
            }
            rescale();
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        center.setOnMouseClicked(e -> requestFocus()); // a click on the drawing gives the keys back to the lesson
        show(false);
    }

    private FlowPane toolbar() {
        ComboBox<ClassroomCase> cases = new ComboBox<>(model.cases());
        cases.setId("classroom-case");
        cases.valueProperty().bindBidirectional(model.selectedProperty());
        cases.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClassroomCase c) {
                return c == null ? "" : c.toString();
            }

            @Override
            public ClassroomCase fromString(String text) {
                return null;
            }
        });
        cases.setVisibleRowCount(14);
        Button whatIf = new Button("What-if case…");
        whatIf.setId("classroom-whatif");
        whatIf.setTooltip(new Tooltip("Ask a what-if question on any OS; close the dialog to teach it here."));
        whatIf.setOnAction(e -> askQuestion.run());
        Button restart = button("Restart", "classroom-restart", model::restart);
        Button previous = button("◀ Previous", "classroom-previous", model::previous);
        Button next = button("Next ▶", "classroom-next", model::next);
        next.getStyleClass().add(Styles.ACCENT);
        play.setId("classroom-play");
        play.setTooltip(new Tooltip("Space"));
        play.selectedProperty().addListener((o, was, on) -> {
            play.setText(on ? "⏸ Pause" : "▶ Play");
            if (on && model.atEnd()) {
                model.restart();
            }
            scheduleAdvance();
        });
        progress.setId("classroom-progress");
        progress.getStyleClass().add("classroom-progress");
        ToggleButton projector = new ToggleButton("Projector mode");
        projector.setId("classroom-projector");
        projector.selectedProperty().bindBidirectional(model.projectorProperty());
        replay.setId("classroom-replay");
        replay.setOnAction(e -> model.replayHere().ifPresent(replayHandler));
        replay.managedProperty().bind(replay.visibleProperty());
        // Three groups that wrap as wholes: at 1024 px (a projector) no button is cut to "…".
        return WrappingToolBar.of(WrappingToolBar.group(new Label("Case"), cases, whatIf),
                WrappingToolBar.group(restart, previous, play, next, progress), WrappingToolBar.group(replay, projector));
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void buildConclusionCard() {
        conclusionCard.setId("classroom-conclusion");
        conclusionCard.getStyleClass().add("classroom-conclusion");
        conclusionCard.setMaxSize(980, Region.USE_PREF_SIZE);
        conclusionCard.setVisible(false);
        StackPane.setAlignment(conclusionCard, Pos.CENTER);
    }

    private void fillConclusionCard(Lesson lesson, LessonStep step) {
        Lesson.Conclusion c = lesson.conclusion();
        Label risk = cardLabel(c.risk(), "classroom-risk", "classroom-risk");
        risk.getStyleClass().add(lesson.atTarget().takesTraffic() ? "classroom-risk-bad" : "classroom-risk-good");
        Label counts = cardLabel("Service received " + step.victim().received() + ", attacker "
                + step.attacker().received() + " (target " + Lesson.endpoint(lesson.target(), lesson.port()) + ", "
                + lesson.lessonCase().os().wireName() + ").", "classroom-card-counts", "classroom-muted");
        conclusionCard.getChildren().setAll(risk, counts);
        if (c.ruleId() != null) {
            conclusionCard.getChildren().addAll(
                    cardLabel(c.ruleId() + " — " + c.ruleTitle(), "classroom-rule", "classroom-rule"),
                    cardLabel("Remediation: " + c.remediation(), "classroom-remediation", "classroom-remediation"));
        } else {
            conclusionCard.getChildren().add(cardLabel("A control case: no finding applies.", "classroom-rule",
                    "classroom-rule"));
        }
    }

    private static Label cardLabel(String text, String id, String styleClass) {
        Label label = ShownText.label(text);
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private void show(boolean animate) {
        Lesson lesson = model.lessonProperty().get();
        LessonStep step = model.stepProperty().get();
        // A what-if case names the users and addresses it was asked with, perhaps copied from a capture.
        description.setText(model.selectedProperty().get() == null ? "" : ShownText.of(model.selectedProperty().get().description()));
        replay.setVisible(replayHandler != null && model.replayHere().isPresent());
        progress.setText(model.progressText());
        boolean conclusion = step != null && step.kind() == LessonStep.Kind.CONCLUSION;
        title.setText(step == null ? "" : ShownText.of(step.title()));
        narration.setText(step == null ? "" : ShownText.of(step.narration()));
        drawing.draw(lesson, step, animate);
        stage.setVisible(!conclusion);
        conclusionCard.setVisible(conclusion);
        if (conclusion) {
            fillConclusionCard(lesson, step);
        }
        scheduleAdvance();
    }

    /** Play: the next step after this one's time (and its connections' travel), until the end. */
    private void scheduleAdvance() {
        if (autoAdvance != null) {
            autoAdvance.stop();
            autoAdvance = null;
        }
        LessonStep step = model.stepProperty().get();
        if (!play.isSelected() || step == null) {
            return;
        }
        if (model.atEnd()) {
            play.setSelected(false);
            return;
        }
        autoAdvance = new PauseTransition(stepDuration.add(drawing.animationLength(step)));
        autoAdvance.setOnFinished(e -> model.next());
        autoAdvance.play();
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case RIGHT, PAGE_DOWN -> model.next();
            case LEFT, PAGE_UP -> model.previous();
            case SPACE -> play.setSelected(!play.isSelected());
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void rescale() {
        double fit = Math.min(stage.getWidth() / LessonDrawing.WIDTH, stage.getHeight() / LessonDrawing.HEIGHT);
        double max = model.projectorProperty().get() ? PROJECTOR_MAX_SCALE : NORMAL_MAX_SCALE;
        double scale = Math.max(0.4, Math.min(fit, max));
        drawing.setScaleX(scale);
        drawing.setScaleY(scale);
    }

    /**
     * Changes the pace: how long Play shows each step and how long one connection travels (zero: the counters
     * show their end at once, as GUI tests want).
     */
    public void setPace(Duration step, Duration connection) {
        stepDuration = step;
        drawing.setConnectionDuration(connection);
        show(false);
    }

    /** The drawing's current scale (1 = 900 x 400). */
    public double drawingScale() {
        return drawing.getScaleX();
    }

    /** Teaches a question the user described in the what-if dialog. */
    public void teach(BindQuestion question) {
        model.show(ClassroomCase.of(question));
    }
}
