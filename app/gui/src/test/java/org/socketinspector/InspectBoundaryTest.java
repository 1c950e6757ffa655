package org.socketinspector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socketinspector.collect.Platform;
import org.socketinspector.collect.SocketCollector;
import org.socketinspector.rules.RuleEngine;

/**
 * Issue 19's inspection service, as rules: the front ends (CLI commands, the GUI) turn a target into an audit only
 * through {@code inspect}. It sits beside ArchitectureTest (owned with the layer rules) in the gui module, the last
 * one built, whose test classpath holds the classes of every module: a copy in app/cli or app/core could not see the
 * GUI, whose live view was one of the places that collected and audited on its own. The benchmarks in bench/ are
 * compiled apart (target/bench-classes) and are not imported: they may call the collector and the rules directly.
 */
class InspectBoundaryTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.socketinspector");
        assertThat(classes.contain("org.socketinspector.ui.LiveServices")).as("the gui is seen").isTrue();
        assertThat(classes.contain("org.socketinspector.cli.AuditCommand")).as("the cli is seen").isTrue();
        assertThat(classes.contain("org.socketinspector.inspect.Inspector")).as("core is seen").isTrue();
    }

    /** Neither a call nor a method reference ({@code RuleEngine::audit}) to {@code owner.method}. */
    private static ArchCondition<JavaClass> notUse(Class<?> owner, String method) {
        return new ArchCondition<>("not call or refer to " + owner.getSimpleName() + "." + method) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaAccess<?> access : type.getAccessesFromSelf()) {
                    if (access.getTargetOwner().isEquivalentTo(owner) && access.getTarget().getName().equals(method)) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                }
            }
        };
    }

    /** The detector sees what it looks for (so the rules below can fail): the inspection service's own uses. */
    @Test
    void theDetectorSeesTheInspectorsOwnUses() {
        EvaluationResult audits = classes().that().resideInAPackage("org.socketinspector.inspect..")
                .should(notUse(RuleEngine.class, "audit")).evaluate(classes);
        EvaluationResult collectors = classes().that().resideInAPackage("org.socketinspector.inspect..")
                .should(notUse(Platform.class, "collector")).evaluate(classes);
        assertThat(audits.hasViolation()).as("inspect refers to RuleEngine::audit").isTrue();
        assertThat(collectors.hasViolation()).as("inspect calls platform.collector").isTrue();
    }

    @Test
    void onlyInspectAuditsAScan() {
        classes().that().resideOutsideOfPackages("org.socketinspector.inspect..", "org.socketinspector.rules..")
                .should(notUse(RuleEngine.class, "audit"))
                .because("'collect, then RuleEngine.audit' was written in six places that drifted apart; the"
                        + " inspection service (inspect.Inspector) is the one place every front end asks")
                .check(classes);
    }

    @Test
    void onlyInspectCallsACollector() {
        classes().that().resideOutsideOfPackages("org.socketinspector.inspect..", "org.socketinspector.collect..")
                .should(notUse(Platform.class, "collector"))
                .andShould(notUse(SocketCollector.class, "collect"))
                .because("a live scan goes through inspect.Inspector (this machine as a Target), which keeps the"
                        + " platform's one collector per source and its cross-check in one place")
                .check(classes);
    }

    @Test
    void inspectServesOnlyTheFrontEnds() {
        classes().that().resideInAPackage("org.socketinspector.inspect..")
                .should().onlyBeAccessed().byAnyPackage("org.socketinspector.inspect..", "org.socketinspector.cli..",
                        "org.socketinspector.ui..")
                .because("the inspection service is the front ends' way into the core; the core's own packages"
                        + " (rules, store, report, experiment) are handed data instead")
                .check(classes);
        noClasses().that().resideInAPackage("org.socketinspector.inspect..")
                .should().dependOnClassesThat().resideInAnyPackage("org.socketinspector.cli..",
                        "org.socketinspector.ui..", "org.socketinspector.report..", "org.socketinspector.experiment..",
                        "javafx..")
                .because("it runs headless (a CLI, a GUI, an exporter) and turns targets into audits, nothing more")
                .check(classes);
    }

    @Test
    void noCommandCallsAnotherCommandsMethods() {
        ArchCondition<JavaClass> ownMethodsOnly = new ArchCondition<>("call no other command's methods") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                type.getMethodCallsFromSelf().stream()
                        .filter(call -> call.getTargetOwner().getSimpleName().endsWith("Command")
                                && call.getTargetOwner().getPackageName().equals("org.socketinspector.cli")
                                && !call.getTargetOwner().getName().equals(type.getName()))
                        .forEach(call -> events.add(SimpleConditionEvent.violated(call, call.getDescription())));
            }
        };
        classes().that().resideInAPackage("org.socketinspector.cli").and().haveSimpleNameEndingWith("Command")
                .should(ownMethodsOnly)
                .because("what two commands share lives in inspect (or a mixin), not in one command called by another")
                .check(classes);
    }
}
