package org.socketinspector.ui;

import java.util.Optional;
import org.socketinspector.collect.Platform;
import org.socketinspector.collect.Source;
import org.socketinspector.experiment.LabReplay;
import org.socketinspector.rules.RuleEngine;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.store.HistoryStore;

/** The real services behind the GUI: this platform's collector, the rule engine, the models, experiments, history. */
public final class LiveServices {

    private LiveServices() {
    }

    public static UiServices create() {
        ScanService scans = request -> RuleEngine.audit(Platform.collector(Source.AUTO).collect(request));
        return new UiServices(scans, scan -> RuleEngine.audit(scan).findings(),
                os -> Optional.of(BindSemantics.forOs(os)),
                (request, cancel, progress) -> new LabReplay(Platform.sockets()).run(request, cancel, progress),
                HistoryStore::openDefault);
    }
}
