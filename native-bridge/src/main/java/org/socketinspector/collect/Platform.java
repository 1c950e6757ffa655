package org.socketinspector.collect;

import org.socketinspector.model.OsKind;
import org.socketinspector.nativeio.ProcessControl;
import org.socketinspector.sockets.NativeSockets;

/**
 * The machine a program works on, made once at start-up by a {@code main} and handed to whoever needs it through
 * constructors (like OSHI's SystemInfo): its collectors, native sockets, process control, accounts and facts. The
 * real one is built by {@link Platforms}, the one place that asks which OS this is; tests hand commands a fake with
 * known sockets instead (native-bridge's test-jar, {@code testing.FakePlatform}).
 */
public interface Platform {

    /**
     * This machine's platform. Only a program's {@code main} (and tests) call this, first thing; the rest is handed
     * the platform or its parts (ArchitectureTest).
     */
    static Platform forThisMachine() {
        return Platforms.forThisMachine();
    }

    /** The operating system this platform serves (whose bind rules apply: {@code OsFamily.of(os())}). */
    OsKind os();

    /** The collector for the given source, made on first use and kept (its caches stay warm). */
    SocketCollector collector(Source source) throws CollectionException;

    /** The text tool {@code scan --cross-check} compares the native source with. */
    Source crossCheckSource();

    /** Native sockets (probes, experiments); one per platform. */
    NativeSockets sockets();

    /** Process control (who we run as, helpers that die with us); one per platform. */
    ProcessControl processes();

    /** The user accounts experiments name users by. */
    Accounts accounts();

    /** Host name and kernel release, as experiment records state them. */
    MachineFacts machine();
}
