package org.socketinspector.collect;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.socketinspector.model.OsKind;
import org.socketinspector.nativeio.ProcessControl;
import org.socketinspector.sockets.NativeSockets;

/**
 * A real machine's platform, assembled by {@link Platforms} from one OS's parts. It keeps what it made: one collector
 * per source (so the Linux scanner's owner cache serves every rescan of the GUI), one {@code NativeSockets} and one
 * {@code ProcessControl} (so that, on Windows, every helper goes into the one job object of this instance).
 */
final class NativePlatform implements Platform {

    /** Makes the collector of one source; throws for a source this OS does not have. */
    interface Collectors {
        SocketCollector make(Source source) throws CollectionException;
    }

    private final OsKind os;
    private final Collectors collectorsOfThisOs;
    private final Source crossCheck;
    private final Supplier<NativeSockets> socketsOfThisOs;
    private final Supplier<ProcessControl> processesOfThisOs;
    private final Accounts accounts;
    private final MachineFacts machine;
    private final Map<Source, SocketCollector> collectors = new EnumMap<>(Source.class);
    private NativeSockets sockets;
    private ProcessControl processes;

    NativePlatform(OsKind os, Collectors collectors, Source crossCheck, Supplier<NativeSockets> sockets,
                   Supplier<ProcessControl> processes, Accounts accounts, MachineFacts machine) {
        this.os = os;
        this.collectorsOfThisOs = collectors;
        this.crossCheck = crossCheck;
        this.socketsOfThisOs = sockets;
        this.processesOfThisOs = processes;
        this.accounts = accounts;
        this.machine = machine;
    }

    @Override
    public OsKind os() {
        return os;
    }

    @Override
    public synchronized SocketCollector collector(Source source) throws CollectionException {
        Source wanted = source == Source.AUTO ? Source.NATIVE : source;
        SocketCollector known = collectors.get(wanted);
        if (known == null) {
            known = collectorsOfThisOs.make(wanted);
            collectors.put(wanted, known);
        }
        return known;
    }

    @Override
    public Source crossCheckSource() {
        return crossCheck;
    }

    @Override
    public synchronized NativeSockets sockets() {
        if (sockets == null) {
            sockets = socketsOfThisOs.get();
        }
        return sockets;
    }

    @Override
    public synchronized ProcessControl processes() {
        if (processes == null) {
            processes = processesOfThisOs.get();
        }
        return processes;
    }

    @Override
    public Accounts accounts() {
        return accounts;
    }

    @Override
    public MachineFacts machine() {
        return machine;
    }
}
