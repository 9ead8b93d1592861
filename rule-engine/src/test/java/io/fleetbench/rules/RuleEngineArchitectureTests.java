package io.fleetbench.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.fleetbench.rules.core.check.Check;

@AnalyzeClasses(packages = "io.fleetbench.rules", importOptions = ImportOption.DoNotIncludeTests.class)
class RuleEngineArchitectureTests {

    /** The core runs inside the stream app, the standalone fleet and a one-shot CLI, so it stays plain Java. */
    @ArchTest
    static final ArchRule coreIsPlainJava = noClasses()
            .that().resideInAPackage("io.fleetbench.rules.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..",
                    "org.apache.kafka..",
                    "com.github.dockerjava..",
                    "java.net..",
                    "jakarta..",
                    "io.fleetbench.rules.stream..");

    @ArchTest
    static final ArchRule corePackagesHaveNoCycles = slices()
            .matching("io.fleetbench.rules.core.(**)")
            .should().beFreeOfCycles();

    /** Check classes are named as the assertion they make; benchmark numbers live only in catalogue data. */
    @ArchTest
    static final ArchRule checksAreNamedAsAssertions = classes()
            .that().implement(Check.class)
            .should().haveSimpleNameNotStartingWith("Check")
            .andShould().haveNameNotMatching(".*[0-9]+_[0-9]+.*");
}
