package org.socketinspector.ui.whatif;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.ui.common.EventBus;
import org.socketinspector.ui.common.UiEvents.ExperimentRequested;
import org.socketinspector.ui.common.UiEvents.LessonQuestionChosen;
import org.socketinspector.ui.common.UiEvents.LessonQuestionRequested;
import org.socketinspector.ui.common.UiEvents.WhatIfRequested;

/** Opens the what-if dialog when a page asks: about a socket (or empty), or for a question the classroom teaches. */
public final class WhatIfDialogs {

    private final Function<OsFamily, Optional<BindSemantics>> models;
    private final OsFamily host;
    private final EventBus bus;
    private final Supplier<Window> owner;

    public WhatIfDialogs(Function<OsFamily, Optional<BindSemantics>> models, OsFamily host, EventBus bus,
                         Supplier<Window> owner) {
        this.models = models;
        this.host = host;
        this.bus = bus;
        this.owner = owner;
        bus.subscribe(WhatIfRequested.class, e -> ask(e.first(), e.os()));
        bus.subscribe(LessonQuestionRequested.class, e -> askForLesson());
    }

    private void ask(SocketRecord first, OsFamily os) {
        WhatIfViewModel model = new WhatIfViewModel(models, host);
        model.onRunExperiment(request -> bus.publish(new ExperimentRequested(request)));
        if (first != null) {
            model.prefill(first, os);
        }
        show(new WhatIfDialog(model));
    }

    /** The dialog on its own model: when it closes, a valid question is taught in the Classroom. */
    private void askForLesson() {
        WhatIfViewModel question = new WhatIfViewModel(models, host);
        WhatIfDialog dialog = new WhatIfDialog(question);
        dialog.setHeaderText("Describe the case on any OS; close the dialog and the Classroom teaches it.");
        dialog.setOnHidden(e -> {
            if (question.problems().isEmpty()) {
                bus.publish(new LessonQuestionChosen(question.question()));
            }
        });
        show(dialog);
    }

    private void show(WhatIfDialog dialog) {
        dialog.initOwner(owner.get());
        dialog.show();
    }
}
