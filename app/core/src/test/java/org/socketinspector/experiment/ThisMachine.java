package org.socketinspector.experiment;

import org.socketinspector.collect.Platform;

/** The tests' platform, as a program's main makes it: one for the whole test run. */
public final class ThisMachine {

    public static final Platform PLATFORM = Platform.forThisMachine();
    /** The effective uid the tests run as. */
    public static final int SELF_UID = PLATFORM.processes().effectiveUid();

    private ThisMachine() {
    }
}
