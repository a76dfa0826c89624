package dev.pulse.launcher;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on the compiled classes of every service (the launcher's test
 * classpath holds them all): each module is split into feature packages ({@code dev.pulse.<module>.<feature>})
 * that a newcomer can read one at a time, which holds only while no two of them need each other.
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.pulse");
    }

    @Test
    void shouldSeeTheProductionClassesOfEveryModule() {
        // the rules below would pass on nothing: make sure they look at every module
        for (String module : List.of("events", "security", "importer", "ingest", "processor", "report", "launcher")) {
            assertThat(production.containPackage("dev.pulse." + module)).as("dev.pulse.%s imported", module).isTrue();
        }
        assertThat(production.stream().filter(type -> type.getSimpleName().endsWith("Test"))).isEmpty();
    }

    @Test
    void shouldHaveNoCycleBetweenTheFeaturePackagesOfAModule() {
        slices().matching("dev.pulse.(*).(*)..").namingSlices("$1.$2")
                .should().beFreeOfCycles()
                .check(production);
    }

    @Test
    void shouldKeepEventsFreeOfTheServices() {
        // events is the contract every service shares: it must not lean on any of them
        noClasses().that().resideInAPackage("dev.pulse.events..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.pulse.ingest..", "dev.pulse.processor..", "dev.pulse.report..", "dev.pulse.importer..",
                        "dev.pulse.launcher..", "dev.pulse.security..")
                .check(production);
    }

    @Test
    void shouldKeepTheProjectorMachineryFreeOfTheReportsItFeeds() {
        // the projector reads topics and hands records to writers; the web side of a report never reaches into it
        // (the projector's own endpoints, about its progress, live beside it)
        noClasses().that().resideInAPackage("dev.pulse.report..")
                .and().resideOutsideOfPackage("dev.pulse.report.projector..")
                .and().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().resideInAPackage("dev.pulse.report.projector..")
                .check(production);
    }

    @Test
    void shouldKeepTheProjectorFreeOfTheFeaturesThatWriteThroughIt() {
        // features contribute writers (TopicWriter.Factory beans); the loop, offsets and the generic writer know none
        noClasses().that().resideInAPackage("dev.pulse.report.projector..")
                .should().dependOnClassesThat(resideInAPackage("dev.pulse.report..").and(not(resideInAnyPackage(
                        "dev.pulse.report.projector..", "dev.pulse.report.sql..", "dev.pulse.report.db..",
                        "dev.pulse.report.config.."))))
                .check(production);
    }
}
