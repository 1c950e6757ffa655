package org.socketinspector.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Starts the JavaFX toolkit through TestFX (headless Monocle in the build): slower than a view-model test.
 * {@code -DexcludedGroups=gui} leaves these out of a quick run, {@code -Dgroups=gui} runs just these.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("gui")
public @interface GuiTest {
}
