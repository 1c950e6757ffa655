package org.socketinspector.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.socketinspector.model.Scan;
import org.socketinspector.rules.Finding;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.ui.experiments.MatrixRunner;
import org.socketinspector.ui.experiments.ProbeRunner;
import org.socketinspector.ui.experiments.ReplayRunner;
import org.socketinspector.ui.live.ScanService;

/**
 * What the GUI needs from the rest of the application, handed to the shell in one piece so that tests can build
 * the whole window on scans read from JSON and a history file of their own.
 *
 * @param scans       live scans of this machine, with findings
 * @param rules       the rule engine, for opened scans that carry no findings
 * @param semantics   the bind-semantics model of an OS family, when there is one
 * @param experiments runs a lab replay (helpers on loopback)
 * @param probes      probes a live port of this machine (bind, close at once)
 * @param matrix      runs the bind matrix over this OS's question space
 * @param history     opens the history database (called once, on first use; may throw StoreException)
 * @param selfUid     the effective uid of the user running the GUI (root may replay as other users)
 * @param hostOs      the bind-semantics regime of this machine (only its cases run for real here)
 */
public record UiServices(ScanService scans, Function<Scan, List<Finding>> rules,
                         Function<OsFamily, Optional<BindSemantics>> semantics, ReplayRunner experiments,
                         ProbeRunner probes, MatrixRunner matrix, Supplier<HistoryStore> history,
                         int selfUid, OsFamily hostOs) {
}
