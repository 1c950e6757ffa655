package org.socketinspector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The safe-file primitive (issue 18) is used by every layer, so it reaches up into none: the JDK, JNA's libc
 * calls (openat, statx, fchmod, renameat: the JDK has no descriptor-relative file calls) and the model.
 * ArchitectureTest's rule for text and input, with the libc calls added.
 */
class SafeFileLayerTest {

    @Test
    void safeFilesDependOnlyOnTheJdkJnaAndTheModel() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // test fixtures, as a jar in verify
                .importPackages("org.socketinspector.output");
        noClasses().that().resideInAPackage("org.socketinspector.output..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.socketinspector.output..",
                        "org.socketinspector.model..", "com.sun.jna..", "java..")
                .because("safe output files are used by every layer, the report writers, the store and the log"
                        + " included, so they may not reach up into any of them")
                .check(classes);
    }
}
