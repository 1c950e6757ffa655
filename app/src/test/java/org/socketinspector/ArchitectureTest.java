package org.socketinspector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers, stated once. Each rule says why, so that a failure explains itself. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.socketinspector");
    }

    @Test
    void javafxOnlyInUi() {
        noClasses().that().resideOutsideOfPackage("org.socketinspector.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .because("the model, CLI, reports and tests run headless; JavaFX belongs to the GUI only")
                .check(classes);
    }

    @Test
    void appNeverTouchesJnaDirectly() {
        noClasses().that().resideOutsideOfPackages("org.socketinspector.linux..", "org.socketinspector.windows..",
                        "org.socketinspector.macos..", "org.socketinspector.sockets..", "org.socketinspector.collect..",
                        "org.socketinspector.nativeio..")
                .should().dependOnClassesThat().resideInAnyPackage("com.sun.jna..")
                .because("native calls live in native-bridge behind interfaces; the app uses those interfaces")
                .check(classes);
    }

    @Test
    void sqlOnlyInStore() {
        noClasses().that().resideOutsideOfPackage("org.socketinspector.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .because("the store is the one place that knows the database")
                .check(classes);
    }

    @Test
    void modelDependsOnlyOnTheJdk() {
        noClasses().that().resideInAPackage("org.socketinspector.model..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.socketinspector.model..", "java..")
                .because("the socket model is plain records every layer can use")
                .check(classes);
    }

    @Test
    void semanticsIsPure() {
        noClasses().that().resideInAPackage("org.socketinspector.semantics..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..",
                        "org.socketinspector.collect..", "org.socketinspector.store..", "org.socketinspector.cli..")
                .because("the bind-semantics model answers questions without I/O")
                .check(classes);
    }

    @Test
    void onlyCliAndLaunchersPrint() {
        noClasses().that().resideOutsideOfPackages("org.socketinspector.cli..", "org.socketinspector.experiment.helper..")
                .and().doNotHaveFullyQualifiedName("org.socketinspector.Main")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("commands print through picocli's writers so that tests capture them; nothing else prints")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.socketinspector.(*)..").should().beFreeOfCycles()
                .because("each concern builds on the ones below it")
                .check(classes);
    }
}
