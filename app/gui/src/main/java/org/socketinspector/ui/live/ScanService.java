package org.socketinspector.ui.live;

import org.socketinspector.collect.CollectionException;
import org.socketinspector.collect.ScanRequest;
import org.socketinspector.rules.Audit;

/**
 * Where the live view gets its data: one scan of this machine with its findings. The GUI depends on this small
 * interface only, so that tests can feed it scans read from JSON and the real one can combine the collector and
 * the rule engine.
 */
@FunctionalInterface
public interface ScanService {

    /** Makes one scan; called on a background thread. */
    Audit scan(ScanRequest request) throws CollectionException;
}
