package org.socketinspector.ui.classroom;

import javafx.application.Platform;
import javafx.scene.control.Tab;
import org.socketinspector.ui.common.EventBus;
import org.socketinspector.ui.common.Page;
import org.socketinspector.ui.common.UiEvents.ExperimentRequested;
import org.socketinspector.ui.common.UiEvents.LessonQuestionChosen;
import org.socketinspector.ui.common.UiEvents.LessonQuestionRequested;

/** The classroom tab: teaches a case; hands a replay to the experiments and asks the what-if dialog for questions. */
public final class ClassroomPage implements Page {

    private final ClassroomViewModel model;
    private final ClassroomView view;
    private final Tab tab;

    public ClassroomPage(ClassroomViewModel model, EventBus bus) {
        this.model = model;
        view = new ClassroomView(model, request -> bus.publish(new ExperimentRequested(request)),
                () -> bus.publish(new LessonQuestionRequested()));
        tab = Page.fixedTab("Classroom", "tab-classroom", view);
        // The teacher's arrow keys go to the lesson, not to the tab bar that was just clicked.
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected()) {
                Platform.runLater(view::requestFocus);
            }
        });
        bus.subscribe(LessonQuestionChosen.class, e -> view.teach(e.question()));
    }

    public ClassroomViewModel model() {
        return model;
    }

    public ClassroomView view() {
        return view;
    }

    @Override
    public Tab tab() {
        return tab;
    }
}
