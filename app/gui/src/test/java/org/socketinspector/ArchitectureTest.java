package org.socketinspector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers, stated once. Each rule says why, so that a failure explains itself. It lives in the gui module, the
 * last one built, whose test classpath holds every module's classes (native-bridge, core, cli and gui).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // core's test fixtures, as a jar
                .importPackages("org.socketinspector");
    }

    @Test
    void everyModuleIsSeen() {
        assertThat(classes.contain("org.socketinspector.collect.Platform")).as("native-bridge").isTrue();
        assertThat(classes.contain("org.socketinspector.rules.RuleEngine")).as("core").isTrue();
        assertThat(classes.contain("org.socketinspector.cli.CliMain")).as("cli").isTrue();
        assertThat(classes.contain("org.socketinspector.ui.GuiMain")).as("gui").isTrue();
    }

    @Test
    void layers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("ui").definedBy("org.socketinspector.ui..")
                .layer("cli").definedBy("org.socketinspector.cli..")
                .layer("report").definedBy("org.socketinspector.report..")
                .layer("experiment").definedBy("org.socketinspector.experiment..")
                .layer("store").definedBy("org.socketinspector.store..")
                .layer("history").definedBy("org.socketinspector.history..")
                .layer("json").definedBy("org.socketinspector.json..")
                .layer("rules").definedBy("org.socketinspector.rules..")
                .layer("semantics").definedBy("org.socketinspector.semantics..")
                .layer("native").definedBy("org.socketinspector.collect..", "org.socketinspector.linux..",
                        "org.socketinspector.windows..", "org.socketinspector.macos..", "org.socketinspector.sockets..",
                        "org.socketinspector.nativeio..", "org.socketinspector.parse..", "org.socketinspector.exec..")
                .layer("model").definedBy("org.socketinspector.model..", "org.socketinspector.text..",
                        "org.socketinspector.input..", "org.socketinspector.output..")
                .layer("error").definedBy("org.socketinspector.error..")

                .whereLayer("ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("report").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("experiment").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("store").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("history").mayOnlyBeAccessedByLayers("ui", "cli", "report", "experiment", "store")
                .whereLayer("json").mayOnlyBeAccessedByLayers("ui", "cli", "report", "experiment", "store")
                .whereLayer("rules").mayOnlyBeAccessedByLayers("ui", "cli", "report", "experiment", "store",
                        "history", "json")
                .whereLayer("semantics").mayOnlyBeAccessedByLayers("ui", "cli", "report", "experiment", "store",
                        "history", "json", "rules")
                .whereLayer("native").mayOnlyBeAccessedByLayers("ui", "cli", "experiment", "store")
                .because("ui and cli are front ends over the core; report, experiment and store are peers that are"
                        + " handed data instead of calling each other; history (runs and diffs) and json (the one"
                        + " Jackson configuration) are their shared vocabulary over the rules, which ask the pure"
                        + " bind-semantics model; the OS is reached only through native-bridge, and every layer may"
                        + " use the socket model and the error root")
                .check(classes);
    }

    @Test
    void onlyMainsMakeThePlatform() {
        noClasses().that().haveSimpleNameNotEndingWith("Main")
                .should().callMethod(org.socketinspector.collect.Platform.class, "forThisMachine")
                .because("the platform is made once at start-up and handed on through constructors (as OSHI's"
                        + " SystemInfo), so that one collector, with its caches, serves the whole run")
                .check(classes);
    }

    @Test
    void theOsComesFromThePlatform() {
        noClasses().that().doNotHaveFullyQualifiedName("org.socketinspector.collect.Platforms")
                .and().doNotHaveFullyQualifiedName("org.socketinspector.store.DatabaseLocation")
                .and().doNotHaveFullyQualifiedName("org.socketinspector.ui.GuiLog")
                .should().callMethod(org.socketinspector.collect.Platforms.class, "thisOs")
                .because("whose bind rules apply is the platform's answer (Platform.os(), NativeSockets.os()), handed"
                        + " on like the platform itself, so that tests and other platforms can stand in; only where"
                        + " this user's files live (the history database, the GUI's log) asks the JVM directly")
                .check(classes);
    }

    @Test
    void onlyTheLastStaticLookUpsReachThePlatformOfTheProcess() {
        noClasses().that().doNotHaveFullyQualifiedName("org.socketinspector.experiment.Users")
                .and().doNotHaveFullyQualifiedName("org.socketinspector.experiment.HostFacts")
                .should().callMethod(org.socketinspector.collect.Platforms.class, "ofThisProcess")
                .because("the platform is handed on through constructors; Users.read() and HostFacts are the two"
                        + " static look-ups left for experiments that are not handed their platform's accounts and"
                        + " machine facts yet, and nothing new may join them")
                .check(classes);
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
    void errorsAndLogsDependOnlyOnTheJdkAndTheEscaping() {
        noClasses().that().resideInAPackage("org.socketinspector.error..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.socketinspector.error..",
                        "org.socketinspector.text..", "java..")
                .because("every layer's exceptions extend its root, so it can depend on none of them; the log"
                        + " escapes foreign text with the one TerminalText, which itself depends on the JDK only")
                .check(classes);
    }

    @Test
    void theGuiNeverCatchesRuntimeException() {
        ArchCondition<JavaClass> notCatch = new ArchCondition<>("not catch RuntimeException") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                type.getCodeUnits().forEach(unit -> unit.getTryCatchBlocks().forEach(block -> block.getCaughtThrowables()
                        .stream().filter(t -> t.isEquivalentTo(RuntimeException.class))
                        .forEach(t -> events.add(SimpleConditionEvent.violated(unit,
                                unit.getFullName() + " catches RuntimeException " + block.getSourceCodeLocation())))));
            }
        };
        classes().that().resideInAPackage("org.socketinspector.ui..").should(notCatch)
                .because("it swallows bugs (a NullPointerException shown as the user's problem): catch the"
                        + " InspectorException family, and let Failures log anything else at the top of a task")
                .check(classes);
    }

    @Test
    void sharedTextAndFilesDependOnlyOnTheJdk() {
        noClasses().that().resideInAnyPackage("org.socketinspector.text..", "org.socketinspector.input..",
                        "org.socketinspector.output..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.socketinspector.text..",
                        "org.socketinspector.input..", "org.socketinspector.output..", "java..")
                .because("terminal escaping, bounded input and safe output files are used by every layer, the"
                        + " report writers and the store included, so they may not reach up into any of them")
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
