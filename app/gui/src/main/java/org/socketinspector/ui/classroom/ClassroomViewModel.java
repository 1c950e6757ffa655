package org.socketinspector.ui.classroom;

import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.socketinspector.experiment.Limits;
import org.socketinspector.experiment.ReplayRequest;
import org.socketinspector.lesson.ClassroomCase;
import org.socketinspector.lesson.Lesson;
import org.socketinspector.lesson.LessonStep;
import org.socketinspector.lesson.ReplayPreset;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.OsFamily;

/**
 * The classroom's state: the cases to pick from (every replay preset, then what-if cases the teacher added), the
 * lesson of the picked case and the step shown. Testable without a window.
 */
public final class ClassroomViewModel {

    private final Function<OsFamily, Optional<BindSemantics>> models;
    private final int connections;
    private final OsFamily here;
    private final int selfUid;
    private final ObservableList<ClassroomCase> cases = FXCollections.observableArrayList();
    private final ObjectProperty<ClassroomCase> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", 0);
    private final ReadOnlyObjectWrapper<LessonStep> step = new ReadOnlyObjectWrapper<>(this, "step");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final BooleanProperty projector = new SimpleBooleanProperty(this, "projector", false);

    /**
     * @param connections how many clients connect in each lesson (1..100)
     * @param here        the OS this machine runs (only its cases can be replayed for real)
     * @param selfUid     the user running the application (a preset's other user becomes nobody for root)
     */
    public ClassroomViewModel(Function<OsFamily, Optional<BindSemantics>> models, int connections, OsFamily here,
                              int selfUid) {
        this.models = models;
        this.connections = connections;
        this.here = here;
        this.selfUid = selfUid;
        ReplayPreset.ALL.forEach(p -> cases.add(ClassroomCase.of(p)));
        cases.addAll(ClassroomCase.MODEL_CASES);
        selected.addListener((o, old, c) -> teach(c));
        selected.set(cases.get(0));
    }

    private void teach(ClassroomCase c) {
        Optional<BindSemantics> model = c == null ? Optional.empty() : models.apply(c.os());
        problem.set(c != null && model.isEmpty() ? "No bind-semantics model for " + c.os().wireName() + " in this build." : null);
        lesson.set(model.map(m -> Lesson.of(c, m, connections)).orElse(null));
        go(0);
    }

    /** Adds a case (a what-if question) to the picker, once, and teaches it. */
    public void show(ClassroomCase c) {
        if (!cases.contains(c)) {
            cases.add(c);
        }
        selected.set(null); // the same case again starts from its first step
        selected.set(c);
    }

    /** The next step; false at the end. */
    public boolean next() {
        return go(index.get() + 1);
    }

    /** The previous step; false at the start. */
    public boolean previous() {
        return go(index.get() - 1);
    }

    public void restart() {
        go(0);
    }

    public boolean atEnd() {
        return lesson.get() == null || index.get() == lesson.get().size() - 1;
    }

    private boolean go(int i) {
        Lesson l = lesson.get();
        if (l == null) {
            step.set(null);
            return false;
        }
        if (i < 0 || i >= l.size()) {
            return false;
        }
        index.set(i);
        step.set(l.steps().get(i));
        return true;
    }

    /** "Step 3 of 6". */
    public String progressText() {
        return lesson.get() == null ? "" : "Step " + (index.get() + 1) + " of " + lesson.get().size();
    }

    public ObservableList<ClassroomCase> cases() {
        return cases;
    }

    public ObjectProperty<ClassroomCase> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LessonStep> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** Why there is no lesson (no model for the case's OS), else null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Larger text and shapes, readable from the back of a room. */
    public BooleanProperty projectorProperty() {
        return projector;
    }

    /**
     * The picked case as a lab replay on this machine (helpers on loopback, a free port): only a preset, and only
     * on the OS it is about; empty otherwise.
     */
    public Optional<ReplayRequest> replayHere() {
        ClassroomCase c = selected.get();
        return Optional.ofNullable(c).filter(x -> x.os() == here).flatMap(x -> ReplayPreset.named(x.name()))
                .map(p -> ReplayRequest.of(p, Limits.DEFAULT_ATTEMPTS, 0, false, selfUid));
    }

    /** The OS this machine runs. */
    public OsFamily here() {
        return here;
    }

    public Function<OsFamily, Optional<BindSemantics>> models() {
        return models;
    }
}
