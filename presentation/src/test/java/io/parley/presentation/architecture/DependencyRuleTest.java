package io.parley.presentation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of ARCHITECTURE.md, checked on the production classes of every module. */
@AnalyzeClasses(packages = "io.parley", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRuleTest {

    private static final String[] FRAMEWORKS = {"io.quarkus..", "jakarta..", "javax.inject..", "javax.persistence..",
            "io.vertx..", "com.fasterxml.jackson..", "io.smallrye..", "org.hibernate..", "org.eclipse.microprofile..",
            "org.jboss.."};

    @ArchTest
    static final ArchRule coreDependsOnNothingElseOfParley = noClasses().that().resideInAPackage("io.parley.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.parley.application..",
                    "io.parley.infrastructure..", "io.parley.presentation..");

    @ArchTest
    static final ArchRule applicationDependsOnlyOnCore = noClasses().that().resideInAPackage("io.parley.application..")
            .should().dependOnClassesThat().resideInAnyPackage("io.parley.infrastructure..",
                    "io.parley.presentation..");

    @ArchTest
    static final ArchRule presentationNeverTouchesInfrastructure = noClasses().that()
            .resideInAPackage("io.parley.presentation..")
            .should().dependOnClassesThat().resideInAPackage("io.parley.infrastructure..");

    @ArchTest
    static final ArchRule infrastructureNeverTouchesPresentation = noClasses().that()
            .resideInAPackage("io.parley.infrastructure..")
            .should().dependOnClassesThat().resideInAPackage("io.parley.presentation..");

    @ArchTest
    static final ArchRule noFrameworksInCore = noClasses().that().resideInAPackage("io.parley.core..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);

    @ArchTest
    static final ArchRule noFrameworksInApplication = noClasses().that().resideInAPackage("io.parley.application..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);
}
