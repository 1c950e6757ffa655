package org.socketinspector.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Needs Wine ({@code wine} on the PATH) to run Windows code on Linux. {@code -Dgroups=wine} selects these; the
 * test still checks for Wine and skips with a reason without it (CI's test summary lists it).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("wine")
public @interface WineTest {
}
