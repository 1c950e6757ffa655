package org.socketinspector.semantics;

/**
 * The bind-semantics model of one OS family: pure, no I/O. The findings, the experiments' predictions,
 * the what-if command and the classroom view all ask this one model.
 */
public interface BindSemantics {

    OsFamily os();

    BindAnswer answer(BindQuestion question);
}
