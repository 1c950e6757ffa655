package org.socketinspector.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Needs a real Windows: its DLLs (iphlpapi, ws2_32, kernel32), Winsock on loopback, job objects. CI's Windows
 * job runs these ({@code -Dgroups=windows} selects them); elsewhere they are disabled with a reason, which CI's
 * test summary lists.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("windows")
public @interface WindowsTest {
}
