package org.socketinspector.ui;

import java.util.List;
import java.util.Optional;
import org.socketinspector.collect.Platform;
import org.socketinspector.collect.Source;
import org.socketinspector.experiment.BindMatrix;
import org.socketinspector.experiment.ExperimentException;
import org.socketinspector.experiment.LabReplay;
import org.socketinspector.experiment.LiveProbe;
import org.socketinspector.inspect.Inspector;
import org.socketinspector.inspect.Target;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.ui.experiments.MatrixRunner;
import org.socketinspector.ui.live.ScanService;

/**
 * The real services behind the GUI: the inspection service on this platform (its one collector is kept, so its
 * owner cache serves every refresh; the rule engine behind it), the models, experiments, history.
 */
public final class LiveServices {

    private LiveServices() {
    }

    public static UiServices create(Platform platform) {
        OsFamily host = OsFamily.of(platform.os());
        Inspector inspector = new Inspector(platform);
        ScanService scans = request -> inspector.inspect(new Target.ThisMachine(Source.AUTO, request)).audit();
        return new UiServices(scans, scan -> inspector.audit(scan).audit().findings(),
                os -> Optional.of(BindSemantics.forOs(os)),
                (request, cancel, progress) -> new LabReplay(platform.sockets(), platform.processes()).run(request, cancel, progress),
                (request, cancel) -> new LiveProbe(platform.sockets(), platform.processes()).run(request, cancel),
                MatrixRunner.of(platform.sockets(), platform.processes(), matrixSpace(host),
                        BindSemantics.forOs(host)),
                HistoryStore::openDefault, platform.processes().effectiveUid(), host);
    }

    /** This OS's question space; empty where there is no live matrix (the view then says so). */
    private static List<BindQuestion> matrixSpace(OsFamily os) {
        try {
            return BindMatrix.questionSpace(os);
        } catch (ExperimentException e) {
            return List.of();
        }
    }
}
