package org.socketinspector.ui.common;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Work that reads files, the database or the OS, so it must not run on the FX thread. */
@FunctionalInterface
public interface BackgroundWork<T> {

    T call() throws Exception;

    /**
     * Runs {@code work} on {@code background}; hands its result to {@code done} on {@code fx}, or to {@code failed}
     * the reason it failed: the message of an expected failure, or, for a bug, a line saying so (the bug itself is
     * logged with its stack trace). This is the top of a background task, so it is where every throwable ends.
     */
    static <T> void run(Executor background, Executor fx, String what, BackgroundWork<T> work,
                        Consumer<? super T> done, Consumer<String> failed) {
        background.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception | LinkageError e) {
                String why = Failures.describe(what, e);
                fx.execute(() -> failed.accept(why));
                return;
            }
            fx.execute(() -> done.accept(result));
        });
    }
}
