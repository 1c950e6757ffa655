package org.socketinspector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.Architectures;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Every layer and the packages it is made of, from the top; each package of the program is in one. */
    private static final Map<String, String[]> LAYERS = layerPackages();

    private static Map<String, String[]> layerPackages() {
        Map<String, String[]> layers = new LinkedHashMap<>();
        layers.put("ui", new String[] {"org.socketinspector.ui.."});
        layers.put("cli", new String[] {"org.socketinspector.cli.."});
        layers.put("inspect", new String[] {"org.socketinspector.inspect.."});
        layers.put("report", new String[] {"org.socketinspector.report.."});
        layers.put("experiment", new String[] {"org.socketinspector.experiment.."});
        layers.put("store", new String[] {"org.socketinspector.store.."});
        layers.put("lesson", new String[] {"org.socketinspector.lesson.."});
        layers.put("history", new String[] {"org.socketinspector.history.."});
        layers.put("json", new String[] {"org.socketinspector.json.."});
        layers.put("rules", new String[] {"org.socketinspector.rules.."});
        layers.put("semantics", new String[] {"org.socketinspector.semantics.."});
        layers.put("native", new String[] {"org.socketinspector.collect..", "org.socketinspector.linux..",
                "org.socketinspector.windows..", "org.socketinspector.macos..", "org.socketinspector.sockets..",
                "org.socketinspector.nativeio..", "org.socketinspector.parse..", "org.socketinspector.exec.."});
        layers.put("model", new String[] {"org.socketinspector.model..", "org.socketinspector.text..",
                "org.socketinspector.input..", "org.socketinspector.output.."});
        layers.put("error", new String[] {"org.socketinspector.error.."});
        return layers;
    }

    @Test
    void layers() {
        Architectures.LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Map.Entry<String, String[]> layer : LAYERS.entrySet()) {
            architecture = layer.getKey().equals("inspect")
                    ? architecture.optionalLayer(layer.getKey()).definedBy(layer.getValue())
                    : architecture.layer(layer.getKey()).definedBy(layer.getValue());
        }
        architecture
                .whereLayer("ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("inspect").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("ui", "cli", "inspect")
                .whereLayer("experiment").mayOnlyBeAccessedByLayers("ui", "cli", "inspect")
                .whereLayer("store").mayOnlyBeAccessedByLayers("ui", "cli", "inspect")
                .whereLayer("lesson").mayOnlyBeAccessedByLayers("ui", "cli", "inspect", "experiment", "report",
                        "store")
                .whereLayer("history").mayOnlyBeAccessedByLayers("ui", "cli", "inspect", "report", "experiment",
                        "store")
                .whereLayer("json").mayOnlyBeAccessedByLayers("ui", "cli", "inspect", "report", "experiment", "store")
                .whereLayer("rules").mayOnlyBeAccessedByLayers("ui", "cli", "inspect", "report", "experiment", "store",
                        "lesson", "history", "json")
                .whereLayer("semantics").mayOnlyBeAccessedByLayers("ui", "cli", "inspect", "report", "experiment",
                        "store", "lesson", "history", "json", "rules")
                .whereLayer("native").mayOnlyBeAccessedByLayers("ui", "cli", "inspect", "experiment", "store")
                .because("ui and cli are front ends over the inspection service and the core; report, experiment and"
                        + " store are peers that are handed data instead of calling each other; lessons (cases,"
                        + " presets: what to teach or replay, without I/O), history (runs and diffs) and json (the"
                        + " one Jackson configuration) are their shared vocabulary over the rules, which ask the pure"
                        + " bind-semantics model; the OS is reached only through native-bridge, and every layer may"
                        + " use the socket model and the error root")
                .check(classes);
    }

    @Test
    void everyPackageIsInALayer() {
        List<String> unnamed = classes.stream().map(JavaClass::getPackageName).distinct()
                .filter(p -> LAYERS.values().stream().flatMap(Arrays::stream)
                        .noneMatch(pattern -> PackageMatcher.of(pattern).matches(p)))
                .sorted().toList();
        assertThat(unnamed).as("packages that no layer names: add each to a layer in LAYERS").isEmpty();
    }

    @Test
    void uiScreensReachEachOtherOnlyThroughTheEventBus() {
        String[] shared = {"org.socketinspector.ui.common..", "org.socketinspector.ui.sockets.."};
        noClasses().that().resideInAnyPackage(shared)
                .should().dependOnClassesThat(resideInScreenOrShell(null))
                .because("shared UI parts (toolkit, event bus, the socket table) serve every screen and the shell")
                .check(classes);
        for (String screen : SCREENS) {
            noClasses().that().resideInAPackage("org.socketinspector.ui." + screen + "..")
                    .should().dependOnClassesThat(resideInScreenOrShell(screen))
                    .because("a screen reaches another screen or the shell only through events on the EventBus,"
                            + " so that each screen can be built and tested alone and the shell only registers them")
                    .check(classes);
        }
    }

    /** The screens: one package each under ui; the shell is ui itself; ui.common and ui.sockets are shared parts. */
    private static final List<String> SCREENS = List.of("live", "capture", "classroom", "experiments", "export",
            "history", "whatif");

    private static DescribedPredicate<JavaClass> resideInScreenOrShell(String except) {
        return DescribedPredicate.describe("reside in the shell or a screen" + (except == null ? "" : " other than "
                + except), c -> c.getPackageName().equals("org.socketinspector.ui")
                || SCREENS.stream().filter(s -> !s.equals(except))
                .anyMatch(s -> c.getPackageName().startsWith("org.socketinspector.ui." + s)));
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
                        "org.socketinspector.nativeio..", "org.socketinspector.output..")
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
                        "org.socketinspector.text..", "org.socketinspector.output..", "java..") // the log file: SafeFile
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
        noClasses().that().resideInAnyPackage("org.socketinspector.text..", "org.socketinspector.input..")
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

    @Test
    void noCyclesBetweenAnyTwoPackages() {
        slices().matching("org.socketinspector.(**)").should().beFreeOfCycles()
                .because("a package and its sub-packages are concerns too (the ui shell and its screens, experiments"
                        + " and the helper process's main): each builds on the ones it names, never back")
                .check(classes);
    }
}
