package org.socketinspector.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Needs root (uid 0): helpers as uid 65534, network namespaces, ports below 1024, other users' sockets.
 * The tag only selects ({@code -Dgroups=root} runs just these, {@code -DexcludedGroups=root} leaves them out):
 * the test still checks that it runs as root and skips with a reason otherwise (CI's test summary lists it).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("root")
public @interface RootTest {
}
